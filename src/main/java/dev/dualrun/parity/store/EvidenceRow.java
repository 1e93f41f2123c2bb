package dev.dualrun.parity.store;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.compare.SideAnswer;
import dev.dualrun.parity.source.QueryWindow;
import dev.dualrun.parity.source.TimeSeries;
import tools.jackson.core.type.TypeReference;

/**
 * A row of {@code series_evidence}: what one side answered for one pair, kept so that a
 * re-judgement judges exactly what the run judged. {@link #answer()} is the one way back
 * from a row to what the judge takes.
 *
 * @param runId the run
 * @param pairId the pair
 * @param side which side, and whether it is the settle rule's second read
 * @param request what was asked, exactly
 * @param shiftSeconds timestamps were moved back by this many seconds (the shift rule)
 * @param unitFactor the factor the comparison applies (not applied to the packed values)
 * @param points number of points
 * @param labels JSON of the series' labels (a map), or of each series' labels when
 * several answered (a list)
 * @param messages JSON list of warnings and status messages
 * @param error the source's failure, or its account of several series; null for a series
 * @param packed the points, see {@link PackedSeries}; null without a series
 * @param fetchedAt when it was read
 * @param outcome what the answer was
 * @param seriesRead JSON list of the labels of every series the query read (series
 * parity), or null
 * @param bucketBounds JSON list of the bucket bounds of the histogram the values were
 * estimated from, or null
 */
public record EvidenceRow(long runId, String pairId, Side side, String request, int shiftSeconds, double unitFactor,
		int points, String labels, String messages, String error, byte[] packed, Instant fetchedAt, Outcome outcome,
		String seriesRead, String bucketBounds) {

	/** Which side, and which read of it. */
	public enum Side {

		/** The old side, as the run read it. */
		OLD,
		/** The new side, as the run read it. */
		NEW,
		/** The old side read again by the settle rule. */
		OLD_AGAIN,
		/** The new side read again by the settle rule. */
		NEW_AGAIN

	}

	/** What a side answered. */
	public enum Outcome {

		/** One series. */
		SERIES,
		/** Several series where one was meant. */
		SEVERAL,
		/** The source failed. */
		FAILED

	}

	/**
	 * @param runId the run
	 * @param pairId the pair
	 * @param side the side and read
	 * @param request what was asked, exactly
	 * @param window the pair's window (the grid of the packed values)
	 * @param shiftSeconds how far the side's timestamps were moved back
	 * @param unitFactor the factor the comparison applies
	 * @param answer what the side answered
	 * @param at when
	 * @return the row
	 */
	public static EvidenceRow of(long runId, String pairId, Side side, String request, QueryWindow window,
			int shiftSeconds, double unitFactor, SideAnswer answer, Instant at) {
		if (answer instanceof SideAnswer.Series s) {
			return new EvidenceRow(runId, pairId, side, request, shiftSeconds, unitFactor, s.series().size(),
					StoreJson.json(s.series().labels()), StoreJson.json(s.series().messages()), null,
					PackedSeries.pack(window, s.series().timestamps(), s.series().values()), at, Outcome.SERIES,
					(s.series().seriesRead() != null) ? StoreJson.json(s.series().seriesRead()) : null,
					(s.series().bucketBounds() != null) ? StoreJson.json(s.series().bucketBounds()) : null);
		}
		if (answer instanceof SideAnswer.Several s) {
			return new EvidenceRow(runId, pairId, side, request, shiftSeconds, unitFactor, 0,
					StoreJson.json(s.labelSets()), "[]", s.message(), null, at, Outcome.SEVERAL, null, null);
		}
		return new EvidenceRow(runId, pairId, side, request, shiftSeconds, unitFactor, 0, "{}", "[]",
				((SideAnswer.Failed) answer).message(), null, at, Outcome.FAILED, null, null);
	}

	/**
	 * @return what the side answered, as the judge takes it (a series with its labels)
	 */
	public SideAnswer answer() {
		return switch (this.outcome) {
			case SERIES -> {
				PackedSeries.Points p = PackedSeries.unpack(this.packed);
				yield new SideAnswer.Series(
						new TimeSeries(StoreJson.labels(this.labels), p.timestamps(), p.values(),
								StoreJson.strings(this.messages), seriesSets(this.seriesRead),
								(this.bucketBounds != null)
										? StoreJson.JSON.readValue(this.bucketBounds, double[].class) : null),
						this.fetchedAt);
			}
			case SEVERAL -> new SideAnswer.Several(seriesSets(this.labels), this.error);
			case FAILED -> new SideAnswer.Failed(this.error);
		};
	}

	private static List<Map<String, String>> seriesSets(String json) {
		return (json != null) ? StoreJson.JSON.readValue(json, new TypeReference<List<Map<String, String>>>() {
		}) : null;
	}

}

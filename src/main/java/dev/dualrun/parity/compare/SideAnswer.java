package dev.dualrun.parity.compare;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.dualrun.parity.source.TimeSeries;

/**
 * What a side answered for a pair, as the judge takes it: one series, several series
 * where one was meant (the identity rule), or a failure of its source. The job judges the
 * answers it reads; a re-judgement judges the same answers, read back from the store.
 */
public sealed interface SideAnswer {

	/**
	 * One series.
	 *
	 * @param series the series, labels included
	 * @param readAt when it was read, or null when not known
	 */
	record Series(TimeSeries series, Instant readAt) implements SideAnswer {

		/**
		 * @param series the series, read at a time not known
		 */
		public Series(TimeSeries series) {
			this(series, null);
		}

	}

	/**
	 * Several series where one was meant.
	 *
	 * @param labelSets the labels of each series returned
	 * @param message the source's account of them, with its advice
	 */
	record Several(List<Map<String, String>> labelSets, String message) implements SideAnswer {

		public Several {
			labelSets = List.copyOf(labelSets);
		}

	}

	/**
	 * The source failed for this pair.
	 *
	 * @param message the failure in one line, naming the side and the place
	 */
	record Failed(String message) implements SideAnswer {

	}

}

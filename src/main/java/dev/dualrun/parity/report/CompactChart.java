package dev.dualrun.parity.report;

import java.util.List;

import dev.dualrun.parity.align.AlignedPair;
import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.source.QueryWindow;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A pair's small chart (both series at 32 points), computed when the pair is judged and
 * stored with its result, so that the report of a large run draws the pairs it does not
 * show in full without reading their raw series again.
 */
public final class CompactChart {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private CompactChart() {
	}

	/**
	 * @param aligned both series on the grid, as judged
	 * @param pair the pair
	 * @param window its window
	 * @return the small chart as JSON
	 */
	public static String json(AlignedPair aligned, PairMapping pair, QueryWindow window) {
		return JSON
			.writeValueAsString(ChartBuilder.chart(aligned, pair, window, List.of(), ChartBuilder.COMPACT, false));
	}

	/**
	 * @param json a stored small chart
	 * @return it, written into the report as it is (no tree in memory)
	 */
	static tools.jackson.databind.util.RawValue read(String json) {
		return new tools.jackson.databind.util.RawValue(json);
	}

}

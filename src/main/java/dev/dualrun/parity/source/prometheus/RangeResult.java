package dev.dualrun.parity.source.prometheus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a (possibly split) range query: series merged by label set across the
 * requests, and all warnings.
 *
 * @param series one entry per distinct label set, points in time order
 * @param warnings warnings of every request, without repeats
 */
public record RangeResult(List<Series> series, List<String> warnings, int seriesCount) {

	/**
	 * @param labels the label set
	 * @param timestamps evaluation instants, epoch milliseconds
	 * @param values the values as received
	 */
	public record Series(Map<String, String> labels, long[] timestamps, double[] values) {

	}

	static RangeResult merge(List<RangeResponse> parts) {
		Map<Map<String, String>, List<RangeResponse.Series>> byLabels = new LinkedHashMap<>();
		List<String> warnings = new ArrayList<>();
		for (RangeResponse part : parts) {
			for (RangeResponse.Series s : part.series()) {
				byLabels.computeIfAbsent(s.labels(), (k) -> new ArrayList<>()).add(s);
			}
			part.warnings().stream().filter((w) -> !warnings.contains(w)).forEach(warnings::add);
		}
		List<Series> merged = new ArrayList<>();
		byLabels.forEach((labels, pieces) -> {
			int n = pieces.stream().mapToInt((p) -> p.timestamps().length).sum();
			long[] ts = new long[n];
			double[] vs = new double[n];
			int at = 0;
			for (RangeResponse.Series p : pieces) {
				System.arraycopy(p.timestamps(), 0, ts, at, p.timestamps().length);
				System.arraycopy(p.values(), 0, vs, at, p.values().length);
				at += p.timestamps().length;
			}
			merged.add(new Series(labels, ts, vs));
		});
		int count = Math.max(merged.size(), parts.stream().mapToInt(RangeResponse::seriesCount).max().orElse(0));
		return new RangeResult(merged, warnings, count);
	}

}

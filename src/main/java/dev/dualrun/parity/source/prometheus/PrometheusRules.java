package dev.dualrun.parity.source.prometheus;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

import dev.dualrun.parity.alert.AlertCondition;
import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Alerts;
import dev.dualrun.parity.alert.MissingData;
import dev.dualrun.parity.config.AlertMapping;
import dev.dualrun.parity.source.AlertSource;
import dev.dualrun.parity.source.SourceException;

/**
 * Prometheus' alerting rules: the rule from {@code /api/v1/rules}, its watched series
 * through {@code query_range} on the group's own evaluation instants (the phase taken
 * from its last evaluation), replayed with {@link RuleReplay}, and what fired from the
 * {@code ALERTS} series on the same instants.
 */
final class PrometheusRules implements AlertSource {

	static final String SYSTEM = "Prometheus";

	private final PrometheusClient client;

	PrometheusRules(PrometheusClient client) {
		this.client = client;
	}

	@Override
	public AlertSide read(AlertMapping.Ref ref, Instant from, Instant to) {
		Found found = find(ref);
		JsonNode group = found.group();
		JsonNode rule = found.rule();
		long interval = Math.round(group.path("interval").asDouble(60) * 1000);
		long hold = Math.round(rule.path("duration").asDouble(0) * 1000);
		long keep = Math.round(rule.path("keepFiringFor").asDouble(0) * 1000);
		String expr = rule.path("query").asString("");
		AlertExpression x = AlertExpression.parse(expr);
		Instant last = instant(rule.path("lastEvaluation").asString(null));
		if (last == null) {
			last = instant(group.path("lastEvaluation").asString(null));
		}
		String health = health(rule, last);
		// replayed from before the window, so that a rule pending or firing as the window
		// opens is in that state at its start
		long[] times = evaluations(last, from.toEpochMilli() - (hold + keep + 2 * interval), to, interval);
		int n = times.length;
		double[] values = new double[n];
		Arrays.fill(values, Double.NaN);
		boolean[] present = new boolean[n];
		List<String> notes = new ArrayList<>();
		if (n > 0) {
			String failure = watch(x, times, interval, values, present, notes);
			if (failure != null && health == null) {
				health = failure;
			}
		}
		boolean[] firing = RuleReplay.firing(times, active(x, values, present), hold, keep);
		// the window's instants only
		int skip = 0;
		while (skip < n && times[skip] < from.toEpochMilli()) {
			skip++;
		}
		List<dev.dualrun.parity.alert.Episode> actual = (n > 0) ? fired(ref, times, interval, skip, to) : null;
		String definition = "alert: " + ref.name() + "\nexpr: " + expr + "\nfor: "
				+ Alerts.words(Duration.ofMillis(hold))
				+ ((keep > 0) ? "\nkeep_firing_for: " + Alerts.words(Duration.ofMillis(keep)) : "") + "\ngroup: "
				+ group.path("name").asString("") + " (interval " + Alerts.words(Duration.ofMillis(interval)) + ", "
				+ group.path("file").asString("") + ")";
		AlertCondition condition = new AlertCondition(SYSTEM, ref.name(), x.watched(), x.comparison(), x.threshold(),
				Duration.ofMillis(interval), 0, 0, Duration.ofMillis(hold), Duration.ofMillis(keep),
				x.firesOnAbsence() ? MissingData.BREACHING : MissingData.NOT_BREACHING, null, definition, health);
		return new AlertSide(condition, tail(times, skip), java.util.Arrays.copyOfRange(values, skip, n),
				Alerts.fromStates(tail(times, skip), tail(firing, skip), to), actual, "ALERTS", notes);
	}

	/** An alerting rule and its group, as {@code /api/v1/rules} shows them. */
	private record Found(JsonNode group, JsonNode rule) {

	}

	/**
	 * @return the alerting rule the reference names, with its group
	 * @throws SourceException if none or several rules have its name
	 */
	private Found find(AlertMapping.Ref ref) {
		JsonNode data = this.client.get("api/v1/rules", List.<String[]>of(new String[] { "type", "alert" }));
		JsonNode group = null;
		JsonNode rule = null;
		List<String> names = new ArrayList<>();
		for (JsonNode g : data.path("groups")) {
			for (JsonNode r : g.path("rules")) {
				if (!"alerting".equals(r.path("type").asString(""))) {
					continue;
				}
				names.add(g.path("name").asString("") + "/" + r.path("name").asString(""));
				boolean groupMatches = ref.group() == null || ref.group().equals(g.path("name").asString(null));
				if (groupMatches && ref.name().equals(r.path("name").asString(null))) {
					if (rule != null) {
						throw new SourceException("Prometheus has more than one alerting rule named '" + ref.name()
								+ "' at " + this.client.url() + ": name its group in the mapping (group:)", false);
					}
					rule = r;
					group = g;
				}
			}
		}
		if (rule == null) {
			throw new SourceException("Prometheus has no alerting rule '" + ref.describe() + "' at " + this.client.url()
					+ " ("
					+ ((names.size() > 8)
							? names.size() + " alerting rules, e.g. " + String.join(", ", names.subList(0, 8))
							: "its alerting rules: " + (names.isEmpty() ? "none" : String.join(", ", names)))
					+ ")", false);
		}
		return new Found(group, rule);
	}

	/**
	 * The group's evaluation instants from {@code begin} to {@code to}, in the phase of
	 * its last evaluation (or on the interval's grid if it has none).
	 */
	private static long[] evaluations(Instant last, long begin, Instant to, long interval) {
		long first = (last != null)
				? last.toEpochMilli() + Math.floorDiv(begin - last.toEpochMilli() + interval - 1, interval) * interval
				: Math.floorDiv(begin + interval - 1, interval) * interval;
		int n = (first > to.toEpochMilli()) ? 0 : (int) ((to.toEpochMilli() - first) / interval) + 1;
		long[] times = new long[n];
		for (int i = 0; i < n; i++) {
			times[i] = first + i * interval;
		}
		return times;
	}

	/**
	 * Reads the watched series at the evaluation instants into {@code values} and
	 * {@code present}: of several series, the one nearest to firing.
	 * @return why the expression does not evaluate, or null if it does
	 */
	private String watch(AlertExpression x, long[] times, long interval, double[] values, boolean[] present,
			List<String> notes) {
		int n = times.length;
		long first = times[0];
		boolean upward = x.comparison() == null || x.comparison().upward();
		String failure = null;
		RangeResult watched = new RangeResult(List.of(), List.of(), 0);
		try {
			watched = this.client.queryRangeMillis(x.watched(), first, times[n - 1], interval);
		}
		catch (PrometheusQueryException ex) {
			if (ex.isRetryable()) {
				throw ex;
			}
			// the expression itself fails (as it does for the rule manager): the
			// rule cannot fire, which the judge says
			notes.add("its expression does not evaluate: " + ex.getMessage());
			failure = "its expression does not evaluate: "
					+ dev.dualrun.parity.config.Text.oneLine(ex.getMessage(), 300);
		}
		for (RangeResult.Series s : watched.series()) {
			for (int k = 0; k < s.timestamps().length; k++) {
				int i = (int) Math.round((double) (s.timestamps()[k] - first) / interval);
				double v = s.values()[k];
				if (i < 0 || i >= n || Double.isNaN(v)) {
					continue;
				}
				values[i] = !present[i] ? v : upward ? Math.max(values[i], v) : Math.min(values[i], v);
				present[i] = true;
			}
		}
		if (watched.series().size() > 1) {
			notes.add("the rule's expression has " + watched.series().size()
					+ " series: it fires on any of them; the chart shows the " + (upward ? "highest" : "lowest"));
		}
		return failure;
	}

	/** Whether the rule's condition held at each evaluation. */
	private static boolean[] active(AlertExpression x, double[] values, boolean[] present) {
		int n = values.length;
		boolean[] active = new boolean[n];
		for (int i = 0; i < n; i++) {
			active[i] = (x.comparison() == null) ? present[i]
					: present[i] && x.comparison().breaches(values[i], x.threshold());
			if (x.firesOnAbsence() && !present[i]) {
				active[i] = true;
			}
		}
		return active;
	}

	/** What fired in the window, from the {@code ALERTS} series on the same instants. */
	private List<dev.dualrun.parity.alert.Episode> fired(AlertMapping.Ref ref, long[] times, long interval, int skip,
			Instant to) {
		int n = times.length;
		long first = times[0];
		RangeResult alerts = this.client.queryRangeMillis("ALERTS{alertname=\""
				+ ref.name().replace("\\", "\\\\").replace("\"", "\\\"") + "\",alertstate=\"firing\"}", first,
				times[n - 1], interval);
		boolean[] fired = new boolean[n];
		for (RangeResult.Series s : alerts.series()) {
			for (long t : s.timestamps()) {
				int i = (int) Math.round((double) (t - first) / interval);
				if (i >= 0 && i < n) {
					fired[i] = true;
				}
			}
		}
		return Alerts.fromStates(tail(times, skip), tail(fired, skip), to);
	}

	private static long[] tail(long[] a, int from) {
		return java.util.Arrays.copyOfRange(a, from, a.length);
	}

	private static boolean[] tail(boolean[] a, int from) {
		return java.util.Arrays.copyOfRange(a, from, a.length);
	}

	@Override
	public List<dev.dualrun.parity.source.AlertSummary> list() {
		JsonNode data = this.client.get("api/v1/rules", List.<String[]>of(new String[] { "type", "alert" }));
		List<dev.dualrun.parity.source.AlertSummary> out = new ArrayList<>();
		for (JsonNode g : data.path("groups")) {
			for (JsonNode r : g.path("rules")) {
				if ("alerting".equals(r.path("type").asString(""))) {
					out.add(new dev.dualrun.parity.source.AlertSummary(r.path("name").asString(""),
							g.path("name").asString(null), r.path("query").asString(""), List.of()));
				}
			}
		}
		return out;
	}

	private static String health(JsonNode rule, Instant last) {
		String health = rule.path("health").asString("unknown");
		if ("err".equals(health)) {
			return "health err: " + dev.dualrun.parity.config.Text.oneLine(rule.path("lastError").asString(""), 300);
		}
		if (last == null || "unknown".equals(health)) {
			return "never evaluated";
		}
		return null;
	}

	/** An RFC 3339 time, null for Go's zero time (never evaluated). */
	private static Instant instant(String text) {
		if (text == null || text.isEmpty()) {
			return null;
		}
		try {
			Instant t = OffsetDateTime.parse(text).toInstant();
			return (t.getEpochSecond() < 0) ? null : t;
		}
		catch (java.time.format.DateTimeParseException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		// the client's connection pool ends with the process
	}

}

package dev.dualrun.parity.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.dualrun.parity.alert.AlertSide;
import dev.dualrun.parity.alert.Alerts;
import dev.dualrun.parity.alert.Episode;
import dev.dualrun.parity.store.AlertDocument;

/**
 * An alert pair's timeline as an inline SVG: a lane per side with its series, its
 * threshold (dashed) and its episodes (shaded as replayed, a bar beneath as they actually
 * happened), on one time axis. Drawn on the server: no script, nothing loaded.
 */
final class AlertTimeline {

	private static final int WIDTH = 1000;

	private static final int LEFT = 8;

	private static final int LANE = 120;

	private static final int GAP = 26;

	private static final DateTimeFormatter TICK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private AlertTimeline() {
	}

	static String svg(AlertDocument d) {
		AlertSide o = d.old();
		AlertSide n = d.neu();
		if (o.times().length == 0 && n.times().length == 0) {
			return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 " + WIDTH
					+ " 30\" role=\"img\"><text x=\"" + LEFT + "\" y=\"20\" font-size=\"12\">no data on either side"
					+ " in the window</text></svg>";
		}
		long from = Math.min(first(o), first(n));
		long to = Math.max(last(o), last(n));
		if (to <= from) {
			to = from + 60_000;
		}
		int height = 2 * (LANE + GAP) + 24;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline\" viewBox=\"0 0 ")
			.append(WIDTH)
			.append(' ')
			.append(height)
			.append("\" role=\"img\" aria-label=\"")
			.append(escape("timeline of " + o.system() + " " + o.condition().name() + " and " + n.system() + " "
					+ n.condition().name()))
			.append("\">");
		lane(svg, o, from, to, GAP - 8, "#1f77b4");
		lane(svg, n, from, to, 2 * GAP + LANE - 8, "#ff7f0e");
		int axis = 2 * (LANE + GAP) + 2;
		for (int k = 0; k <= 6; k++) {
			long t = from + (to - from) * k / 6;
			double x = x(t, from, to);
			svg.append("<line x1=\"")
				.append(fmt(x))
				.append("\" x2=\"")
				.append(fmt(x))
				.append("\" y1=\"")
				.append(GAP - 8)
				.append("\" y2=\"")
				.append(axis - 6)
				.append("\" stroke=\"#ddd\" stroke-width=\"1\"/>");
			svg.append("<text x=\"")
				.append(fmt(Math.min(Math.max(x, 40), WIDTH - 40)))
				.append("\" y=\"")
				.append(axis + 12)
				.append("\" font-size=\"11\" text-anchor=\"middle\" fill=\"#555\">")
				.append(TICK.format(Instant.ofEpochMilli(t)))
				.append("</text>");
		}
		svg.append("</svg>");
		return svg.toString();
	}

	private static void lane(StringBuilder svg, AlertSide side, long from, long to, int top, String color) {
		double min = Double.POSITIVE_INFINITY;
		double max = Double.NEGATIVE_INFINITY;
		for (double v : side.values()) {
			if (Double.isFinite(v)) {
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
		}
		double threshold = side.condition().threshold();
		if (Double.isFinite(threshold)) {
			min = Math.min(min, threshold);
			max = Math.max(max, threshold);
		}
		if (!Double.isFinite(min)) {
			min = 0;
			max = 1;
		}
		if (max - min < 1e-12) {
			max = min + Math.max(1, Math.abs(min) * 0.1);
		}
		double pad = (max - min) * 0.08;
		double lo = min - pad;
		double hi = max + pad;
		svg.append("<text x=\"")
			.append(LEFT)
			.append("\" y=\"")
			.append(top - 4)
			.append("\" font-size=\"12\" fill=\"#222\">")
			.append(escape(side.system() + ": " + side.condition().name() + " (" + side.condition().holdWords() + ")"))
			.append("</text>");
		svg.append("<rect x=\"")
			.append(LEFT)
			.append("\" y=\"")
			.append(top)
			.append("\" width=\"")
			.append(WIDTH - 2 * LEFT)
			.append("\" height=\"")
			.append(LANE)
			.append("\" fill=\"#fafafa\" stroke=\"#ccc\"/>");
		for (Episode e : side.replayed()) {
			double x1 = x(e.start().toEpochMilli(), from, to);
			double x2 = Math.max(x1 + 1.5, x(e.end().toEpochMilli(), from, to));
			svg.append("<rect class=\"episode\" x=\"")
				.append(fmt(x1))
				.append("\" y=\"")
				.append(top)
				.append("\" width=\"")
				.append(fmt(x2 - x1))
				.append("\" height=\"")
				.append(LANE)
				.append("\" fill=\"#d62728\" fill-opacity=\"0.18\"><title>")
				.append(escape("in alarm (replayed) " + Alerts.time(e.start()) + " for " + Alerts.words(e.duration())))
				.append("</title></rect>");
		}
		if (side.actual() != null) {
			for (Episode e : side.actual()) {
				double x1 = x(e.start().toEpochMilli(), from, to);
				double x2 = Math.max(x1 + 1.5, x(e.end().toEpochMilli(), from, to));
				svg.append("<rect class=\"actual\" x=\"")
					.append(fmt(x1))
					.append("\" y=\"")
					.append(top + LANE + 2)
					.append("\" width=\"")
					.append(fmt(x2 - x1))
					.append("\" height=\"5\" fill=\"#8b0000\"><title>")
					.append(escape("in alarm (" + side.actualSource() + ") " + Alerts.time(e.start()) + " for "
							+ Alerts.words(e.duration())))
					.append("</title></rect>");
			}
		}
		if (Double.isFinite(threshold)) {
			double y = y(threshold, lo, hi, top);
			svg.append("<line x1=\"")
				.append(LEFT)
				.append("\" x2=\"")
				.append(WIDTH - LEFT)
				.append("\" y1=\"")
				.append(fmt(y))
				.append("\" y2=\"")
				.append(fmt(y))
				.append("\" stroke=\"#d62728\" stroke-dasharray=\"5 4\" stroke-width=\"1.2\"/>");
			svg.append("<text x=\"")
				.append(WIDTH - LEFT - 4)
				.append("\" y=\"")
				.append(fmt(y - 3))
				.append("\" font-size=\"11\" text-anchor=\"end\" fill=\"#d62728\">")
				.append(escape("threshold " + side.condition().comparison().symbol() + " " + Alerts.number(threshold)))
				.append("</text>");
		}
		StringBuilder path = new StringBuilder();
		boolean pen = false;
		for (int i = 0; i < side.times().length; i++) {
			double v = side.values()[i];
			if (!Double.isFinite(v)) {
				pen = false;
				continue;
			}
			path.append(pen ? " L" : " M")
				.append(fmt(x(side.times()[i], from, to)))
				.append(',')
				.append(fmt(y(v, lo, hi, top)));
			pen = true;
		}
		if (path.length() > 0) {
			svg.append("<path d=\"")
				.append(path.toString().strip())
				.append("\" fill=\"none\" stroke=\"")
				.append(color)
				.append("\" stroke-width=\"1.4\"/>");
		}
		svg.append("<text x=\"")
			.append(LEFT + 4)
			.append("\" y=\"")
			.append(top + 12)
			.append("\" font-size=\"10\" fill=\"#777\">")
			.append(escape(Alerts.number(hi)))
			.append("</text><text x=\"")
			.append(LEFT + 4)
			.append("\" y=\"")
			.append(top + LANE - 3)
			.append("\" font-size=\"10\" fill=\"#777\">")
			.append(escape(Alerts.number(lo)))
			.append("</text>");
	}

	private static long first(AlertSide s) {
		return (s.times().length > 0) ? s.times()[0] : Long.MAX_VALUE;
	}

	private static long last(AlertSide s) {
		long t = (s.times().length > 0) ? s.times()[s.times().length - 1] : Long.MIN_VALUE;
		for (List<Episode> list : java.util.Arrays.asList(s.replayed(), s.actual())) {
			if (list != null) {
				for (Episode e : list) {
					t = Math.max(t, e.end().toEpochMilli());
				}
			}
		}
		return t;
	}

	private static double x(long t, long from, long to) {
		return LEFT + (WIDTH - 2.0 * LEFT) * (t - from) / (double) (to - from);
	}

	private static double y(double v, double lo, double hi, int top) {
		return top + LANE - LANE * (v - lo) / (hi - lo);
	}

	private static String fmt(double v) {
		return String.format(Locale.ROOT, "%.1f", v);
	}

	static String escape(String s) {
		StringBuilder out = new StringBuilder(s.length());
		for (char c : s.toCharArray()) {
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append((c < 0x20) ? ' ' : c);
			}
		}
		return out.toString();
	}

}

package dev.dualrun.parity.report;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.dualrun.parity.store.PairResultRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import static dev.dualrun.parity.report.Figures.num;

/**
 * A pair's stored statistical evidence in words a reviewer can read: effective points,
 * correlations, Wilcoxon, equivalence (TOST), Kolmogorov-Smirnov and Mann-Whitney.
 */
final class EvidenceWords {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private EvidenceWords() {
	}

	/**
	 * @param r a judged pair
	 * @return its evidence by test, in words; empty if none is stored
	 */
	static Map<String, String> of(PairResultRow r) {
		Map<String, String> out = new LinkedHashMap<>();
		if (r.evidence() == null) {
			return out;
		}
		JsonNode e = JSON.readTree(r.evidence());
		JsonNode ess = e.path("effectiveSampleSize");
		out.put("effective points", String.format(Locale.ROOT, "%s of %d (lag-1 autocorrelation %s)",
				num(ess.path("effective").asDouble()), ess.path("n").asInt(), num(number(ess.path("lag1")))));
		JsonNode c = e.path("correlation");
		out.put("Pearson / Spearman", num(number(c.path("pearson"))) + " / " + num(number(c.path("spearman"))));
		JsonNode w = e.path("wilcoxon");
		out.put("Wilcoxon signed-rank",
				String.format(Locale.ROOT, "p = %s, q = %s (%d non-zero differences%s)", num(number(w.path("pValue"))),
						num(r.qValue()), w.path("n").asInt(), w.path("exact").asBoolean() ? ", exact" : ""));
		JsonNode t = e.path("equivalence");
		out.put("equivalence (TOST)", String.format(Locale.ROOT, "p = %s within +-%s (mean difference %s)",
				num(number(t.path("pValue"))), num(number(t.path("margin"))), num(number(t.path("meanDifference")))));
		JsonNode d = e.path("distribution");
		out.put("Kolmogorov-Smirnov", String.format(Locale.ROOT, "D = %s, p = %s", num(number(d.path("ksStatistic"))),
				num(number(d.path("ksPValue")))));
		out.put("Mann-Whitney", "p = " + num(number(d.path("mannWhitneyPValue"))));
		return out;
	}

	private static Double number(JsonNode node) {
		if (node.isNumber()) {
			return node.asDouble();
		}
		return node.isString() ? Double.valueOf(node.asString().replace("Infinity", "Infinity")) : null;
	}

}

package dev.dualrun.parity.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks a bound {@link MappingDocument} field by field and applies defaults; each side's
 * block is read by its source's {@link SideReader}. Stops at the first error, naming
 * file, line and field.
 */
final class MappingValidator {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

	/** The fields of a pair besides its sides' blocks, for messages. */
	private static final List<String> PAIR_FIELDS = List.of("description", "id", "period", "published-when-non-zero",
			"scrape-interval", "tolerance", "unit-factor");

	private final String source;

	private final Map<String, Integer> lines;

	private final Map<String, SideReader> readers;

	private final ObjectMapper mapper;

	MappingValidator(String source, Map<String, Integer> lines, Map<String, SideReader> readers, ObjectMapper mapper) {
		this.source = source;
		this.lines = lines;
		this.readers = readers;
		this.mapper = mapper;
	}

	MappingFile validate(MappingDocument doc, String sha256) {
		if (doc.version() != null && doc.version() != 1) {
			throw error("/version", "unsupported version " + doc.version() + " (this tool reads version 1)");
		}
		MappingDocument.Defaults defaults = (doc.defaults() != null) ? doc.defaults()
				: new MappingDocument.Defaults(null, null, null, null, null);
		Duration defaultPeriod = (defaults.period() != null) ? duration(defaults.period(), "/defaults/period")
				: Duration.ofSeconds(60);
		boolean noAlerts = doc.alerts() == null || doc.alerts().isEmpty();
		if ((doc.pairs() == null || doc.pairs().isEmpty()) && noAlerts) {
			throw error("/pairs", "no pairs: the file must list at least one pair under 'pairs:' (or 'alerts:'); "
					+ "an entry commented out does not count");
		}
		List<PairMapping> pairs = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < ((doc.pairs() != null) ? doc.pairs().size() : 0); i++) {
			PairMapping pair = pair(doc.pairs().get(i), "/pairs/" + i, defaults, defaultPeriod);
			if (!ids.add(pair.id())) {
				throw error("/pairs/" + i + "/id", "duplicate pair id '" + pair.id() + "'");
			}
			pairs.add(pair);
		}
		List<AlertMapping> alerts = new ArrayList<>();
		Set<String> alertIds = new HashSet<>();
		for (int i = 0; !noAlerts && i < doc.alerts().size(); i++) {
			AlertMapping alert = alert(doc.alerts().get(i), "/alerts/" + i);
			if (!alertIds.add(alert.id())) {
				throw error("/alerts/" + i + "/id", "duplicate alert id '" + alert.id() + "'");
			}
			alerts.add(alert);
		}
		return new MappingFile(this.source, sha256, pairs, alerts);
	}

	private AlertMapping alert(MappingDocument.Alert raw, String at) {
		if (raw == null) {
			throw error(at, "empty alert pair");
		}
		String id = id(raw.id(), at);
		Map<Side, String> keys = sides(raw.blocks(), at, List.of("description", "id"), true);
		AlertMapping.Ref[] refs = new AlertMapping.Ref[2];
		for (Side side : Side.values()) {
			String key = keys.get(side);
			if (key == null) {
				throw error(at, "missing: an alert pair needs the " + side.name().toLowerCase(java.util.Locale.ROOT)
						+ " side's alert: " + examples(side));
			}
			refs[side.ordinal()] = this.readers.get(key)
				.readAlert(new MappingBlock(this, raw.blocks().get(key), at + "/" + key, null));
		}
		return new AlertMapping(id, raw.description(), refs[0], refs[1], line(at));
	}

	private String examples(Side side) {
		List<String> examples = this.readers.values()
			.stream()
			.filter((r) -> r.side() == side && r.alertExample() != null)
			.map((r) -> "'" + r.alertExample() + "'")
			.toList();
		return examples.isEmpty() ? "no source of this side has alerts" : String.join(" or ", examples);
	}

	private PairMapping pair(MappingDocument.Pair raw, String at, MappingDocument.Defaults defaults,
			Duration defaultPeriod) {
		if (raw == null) {
			throw error(at, "empty pair");
		}
		String id = id(raw.id(), at);
		Duration period = (raw.period() != null) ? duration(raw.period(), at + "/period") : defaultPeriod;
		String periodAt = (raw.period() != null) ? at + "/period" : "/defaults/period";
		String periodText = (raw.period() != null) ? raw.period() : Durations.compact(period);
		Map<Side, String> keys = sides(raw.blocks(), at, PAIR_FIELDS, false);
		String scrapeText = (raw.scrapeInterval() != null) ? raw.scrapeInterval() : defaults.scrapeInterval();
		String scrapeAt = (raw.scrapeInterval() != null) ? at + "/scrape-interval" : "/defaults/scrape-interval";
		Duration scrape = (scrapeText != null) ? duration(scrapeText, scrapeAt) : Duration.ofSeconds(15);
		MappingBlock.PairContext context = new MappingBlock.PairContext(at, period, periodText, periodAt,
				raw.period() != null, scrape);
		// each side's source checks its own block and the periods it can read
		SideQuery old = read(keys.get(Side.OLD), raw, at, context);
		SideQuery neu = read(keys.get(Side.NEW), raw, at, context);
		double factor = (raw.unitFactor() != null) ? raw.unitFactor()
				: (defaults.unitFactor() != null) ? defaults.unitFactor() : 1.0;
		if (!(factor > 0) || Double.isInfinite(factor)) {
			throw error(at + "/unit-factor", "must be a positive number, got " + factor);
		}
		Tolerance.Override override = (defaults.tolerance() != null) ? defaults.tolerance().then(raw.tolerance())
				: raw.tolerance();
		Tolerance tolerance = Tolerance.defaultFor(old.kind()).with(override);
		checkTolerance(tolerance, at + "/tolerance");
		boolean nonZero = (raw.publishedWhenNonZero() != null) ? raw.publishedWhenNonZero()
				: Boolean.TRUE.equals(defaults.publishedWhenNonZero());
		String description = (raw.description() != null) ? raw.description().strip() : "";
		return new PairMapping(id, description, line(at), old, neu, period, factor, tolerance, nonZero, null);
	}

	private SideQuery read(String key, MappingDocument.Pair raw, String at, MappingBlock.PairContext context) {
		return this.readers.get(key).readPair(new MappingBlock(this, raw.blocks().get(key), at + "/" + key, context));
	}

	/**
	 * The keys of a pair's two sides: one block of an old side's source and one of a new
	 * side's. Any other key is an unknown field.
	 */
	private Map<Side, String> sides(Map<String, JsonNode> blocks, String at, List<String> fields, boolean alert) {
		Map<Side, String> keys = new java.util.EnumMap<>(Side.class);
		List<String> inFileOrder = new ArrayList<>(blocks.keySet());
		inFileOrder.sort(java.util.Comparator.comparingInt((k) -> line(at + "/" + k)));
		for (String key : inFileOrder) {
			SideReader reader = this.readers.get(key);
			if (reader == null) {
				Set<String> known = new TreeSet<>(fields);
				known.addAll(this.readers.keySet());
				throw error(at + "/" + key, Suggestions.unknownField(key, known));
			}
			String other = keys.putIfAbsent(reader.side(), key);
			if (other != null) {
				throw error(at + "/" + key,
						"a" + (alert ? "n alert" : "") + " pair has one "
								+ reader.side().name().toLowerCase(java.util.Locale.ROOT) + " side: write either '"
								+ other + ":' or '" + key + ":', not both");
			}
		}
		if (!alert) {
			for (Side side : Side.values()) {
				if (!keys.containsKey(side)) {
					throw error(at, "missing: every pair needs " + (side == Side.OLD ? "an old" : "a new") + " side, "
							+ blocksOf(side));
				}
			}
		}
		return keys;
	}

	private String blocksOf(Side side) {
		List<String> keys = this.readers.values()
			.stream()
			.filter((r) -> r.side() == side)
			.map((r) -> "'" + r.key() + ":'")
			.sorted()
			.toList();
		if (keys.size() == 1) {
			return ("aeiou".indexOf(keys.get(0).charAt(1)) >= 0 ? "an " : "a ") + keys.get(0) + " block";
		}
		return "one of the blocks " + String.join(", ", keys);
	}

	private String id(String raw, String at) {
		String id = required(raw, at + "/id");
		if (!ID.matcher(id).matches()) {
			throw error(at + "/id", "'" + id + "' is not a valid id (letters, digits, '.', '_', '-'; at most 128)");
		}
		return id;
	}

	private Duration duration(String raw, String at) {
		try {
			return Durations.parse(raw);
		}
		catch (IllegalArgumentException ex) {
			throw error(at, ex.getMessage());
		}
	}

	private void checkTolerance(Tolerance t, String at) {
		if (!(t.relative() >= 0) || !(t.absolute() >= 0)) {
			throw error(at, "relative and absolute must be >= 0");
		}
		for (double share : new double[] { t.minCoverage(), t.minWithin() }) {
			if (!(share >= 0 && share <= 1)) {
				throw error(at, "min-coverage and min-within are shares between 0 and 1, got " + share);
			}
		}
		if (!(t.maxBias() >= 0)) {
			throw error(at, "max-bias must be >= 0");
		}
	}

	private String required(String value, String at) {
		if (value == null || value.isBlank()) {
			throw error(at, "missing (required)");
		}
		return value;
	}

	/**
	 * Binds a side's block to its source's record, naming the place of a mismatch.
	 */
	<T> T bind(JsonNode node, String at, Class<T> type) {
		if (node == null || !node.isObject()) {
			throw error(at, "expected a block of fields (key: value), got " + ((node == null || node.isNull())
					? "nothing" : "a " + (node.isArray() ? "list" : "single value")));
		}
		try {
			return this.mapper.treeToValue(node, type);
		}
		catch (JacksonException ex) {
			throw MappingLoader.bindingError(this.source, ex, this.lines, at);
		}
	}

	int line(String pointer) {
		String p = pointer;
		while (!p.isEmpty()) {
			Integer line = this.lines.get(p);
			if (line != null) {
				return line;
			}
			p = p.substring(0, p.lastIndexOf('/'));
		}
		return 0;
	}

	MappingException error(String pointer, String problem) {
		return MappingException.at(this.source, line(pointer), fieldName(pointer), problem);
	}

	/**
	 * {@code /pairs/2/cloudwatch/statistic} or Jackson's {@code ...["pairs"]->...} to
	 * {@code pairs[2].cloudwatch.statistic}.
	 */
	static String fieldName(String pointer) {
		if (pointer == null || pointer.isEmpty()) {
			return "";
		}
		StringBuilder sb = new StringBuilder();
		if (pointer.startsWith("/")) {
			for (String part : pointer.substring(1).split("/")) {
				append(sb, part);
			}
			return sb.toString();
		}
		java.util.regex.Matcher m = Pattern.compile("\\[(?:\"([^\"]*)\"|(\\d+))\\]").matcher(pointer);
		while (m.find()) {
			append(sb, (m.group(1) != null) ? m.group(1) : m.group(2));
		}
		return sb.toString();
	}

	private static void append(StringBuilder sb, String part) {
		if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
			sb.append('[').append(part).append(']');
		}
		else {
			if (!sb.isEmpty()) {
				sb.append('.');
			}
			sb.append(part.replace("~1", "/").replace("~0", "~"));
		}
	}

}

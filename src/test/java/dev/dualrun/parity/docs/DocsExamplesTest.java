package dev.dualrun.parity.docs;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import dev.dualrun.parity.cli.ParityCli;
import dev.dualrun.parity.batch.SettingsBinding;
import dev.dualrun.parity.config.ExclusionLoader;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.RemoteProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.config.WaiverLoader;
import dev.dualrun.parity.source.Sources;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The documentation's examples are what users copy: README.md and every chapter of
 * {@code src/site/markdown} are read block by block. A {@code yaml} block is parsed as
 * what it is (a mapping file through the real loader and every source's reader, an
 * exclusions file, a waivers file, or settings under {@code parity:} checked against the
 * settings the tool binds); every {@code java -jar ... parity-validator.jar ...} line of
 * a {@code sh}, {@code cron} or {@code ini} block is parsed by the real command line; a
 * {@code json} block must parse. A block that cannot be checked says so with
 * {@code text}.
 */
class DocsExamplesTest {

	private static final Path README = Path.of("README.md");

	private static final Path CHAPTERS = Path.of("src/site/markdown");

	private static final List<String> EXPECTED_CHAPTERS = List.of("index.md", "mapping.md", "running.md", "verdicts.md",
			"alerts.md", "estate.md", "team.md", "platform.md", "outputs.md", "performance.md", "development.md");

	private static final Set<String> LANGUAGES = Set.of("yaml", "sh", "cron", "ini", "json", "text");

	private static final Set<String> COMMAND_LANGUAGES = Set.of("sh", "cron", "ini");

	private static final Pattern FENCE = Pattern.compile("^(\\s*)```(.*)$");

	private static final Pattern JAR = Pattern.compile("-jar\\s+\\S*parity-validator\\.jar\\b");

	private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");

	@TempDir
	Path tmp;

	/** A fenced block of a document: where it starts, its language and its text. */
	record Block(Path file, int line, String language, String text) {

		String where() {
			return this.file + ":" + this.line;
		}

	}

	@Test
	void theReadmeIsShortAndLeadsToEveryChapter() throws IOException {
		assertThat(Files.size(README)).as("README.md at most 12 KB").isLessThanOrEqualTo(12 * 1024);
		String readme = Files.readString(README);
		for (String chapter : EXPECTED_CHAPTERS) {
			assertThat(CHAPTERS.resolve(chapter)).as("chapter " + chapter).exists();
			if (!chapter.equals("index.md")) {
				assertThat(readme).as("README links to " + chapter).contains("(src/site/markdown/" + chapter + ")");
			}
		}
	}

	@Test
	void findsTheExamples() throws IOException {
		int yaml = 0;
		int commands = 0;
		int commandBlocks = 0;
		int json = 0;
		for (Path doc : documents()) {
			for (Block block : blocks(doc)) {
				if (block.language().equals("yaml")) {
					yaml++;
				}
				if (block.language().equals("json")) {
					json++;
				}
				if (COMMAND_LANGUAGES.contains(block.language())) {
					commandBlocks++;
					commands += commandLines(block).size();
				}
			}
		}
		System.out.printf(
				"docs examples: %d yaml block(s), %d sh/cron/ini block(s) with %d parity-validator "
						+ "command line(s), %d json block(s) in %d document(s)%n",
				yaml, commandBlocks, commands, json, documents().size());
		assertThat(yaml).as("yaml blocks").isGreaterThanOrEqualTo(7);
		assertThat(commands).as("parity-validator command lines").isGreaterThanOrEqualTo(40);
	}

	@TestFactory
	Stream<DynamicNode> everyExampleIsValid() throws IOException {
		List<DynamicNode> files = new ArrayList<>();
		for (Path doc : documents()) {
			List<Block> blocks = blocks(doc);
			List<DynamicNode> tests = new ArrayList<>();
			for (Block block : blocks) {
				tests.add(
						DynamicTest.dynamicTest(block.where() + " ```" + block.language(), () -> check(block, blocks)));
			}
			files.add(DynamicContainer.dynamicContainer(doc.toString(), tests));
		}
		return files.stream();
	}

	@Test
	void linksBetweenTheDocumentsResolve() throws IOException {
		List<String> broken = new ArrayList<>();
		for (Path doc : documents()) {
			String text = withoutBlocks(Files.readString(doc));
			Matcher m = LINK.matcher(text);
			while (m.find()) {
				String target = m.group(1);
				if (target.matches("[a-z]+:.*")) {
					continue;
				}
				String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
				String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
				Path resolved = file.isEmpty() ? doc : doc.toAbsolutePath().getParent().resolve(file).normalize();
				if (!Files.exists(resolved)) {
					broken.add(doc + ": " + target + " (no such file)");
				}
				else if (anchor != null && resolved.toString().endsWith(".md")
						&& !anchors(Files.readString(resolved)).contains(anchor)) {
					broken.add(doc + ": " + target + " (no such heading)");
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	private void check(Block block, List<Block> blocks) throws IOException {
		switch (block.language()) {
			case "yaml" -> checkYaml(block, blocks);
			case "json" -> JsonMapper.builder().build().readTree(block.text());
			case "sh", "cron", "ini" -> commandLines(block).forEach((line) -> parseCommand(block, line));
			case "text" -> {
				// console output, layouts: not checkable
			}
			default -> fail(block.where() + ": a fenced block needs one of the languages " + new TreeSet<>(LANGUAGES)
					+ " (```text for one that cannot be checked), got '" + block.language() + "'");
		}
	}

	// yaml

	private void checkYaml(Block block, List<Block> blocks) throws IOException {
		JsonNode root = YAMLMapper.builder().build().readTree(block.text());
		assertThat(root).as(block.where() + ": a YAML block of fields").isNotNull();
		assertThat(root.isObject()).as(block.where() + ": a YAML block of fields").isTrue();
		if (root.has("parity")) {
			checkSettings(block, root);
		}
		else if (root.has("pairs") || root.has("alerts")) {
			MappingFile file = mapping(block);
			assertThat(file.pairs().size() + file.alerts().size()).as(block.where() + ": pairs").isPositive();
		}
		else if (root.has("exclusions")) {
			assertThat(new ExclusionLoader().load(write(block))).as(block.where() + ": exclusions").isNotEmpty();
		}
		else if (root.has("waivers")) {
			Block mapping = null;
			List<Block> candidates = new ArrayList<>(blocks.stream().filter((b) -> b.line() < block.line()).toList());
			if (candidates.stream().noneMatch(DocsExamplesTest::isMapping)) {
				candidates.addAll(blocks(CHAPTERS.resolve("mapping.md")));
			}
			for (Block b : candidates) {
				if (isMapping(b) && (mapping == null || b.file().equals(block.file()))) {
					mapping = b;
				}
			}
			assertThat(mapping).as(block.where() + ": a waivers example needs a mapping example").isNotNull();
			assertThat(new WaiverLoader().load(write(block), mapping(mapping))).as(block.where() + ": waivers")
				.isNotEmpty();
		}
		else {
			fail(block.where() + ": a yaml block is a mapping (pairs:, alerts:), exclusions:, waivers: or settings "
					+ "(parity:); write ```text for anything else");
		}
	}

	private static boolean isMapping(Block block) {
		if (!block.language().equals("yaml")) {
			return false;
		}
		JsonNode root = YAMLMapper.builder().build().readTree(block.text());
		return root != null && (root.has("pairs") || root.has("alerts"));
	}

	private static MappingFile mapping(Block block) {
		return Sources.mappingLoader().parse(block.where(), block.text().getBytes(StandardCharsets.UTF_8));
	}

	private Path write(Block block) throws IOException {
		Path file = Files.createTempFile(this.tmp, "example", ".yml");
		Files.writeString(file, block.text());
		return file;
	}

	private static void checkSettings(Block block, JsonNode root) {
		Map<String, String> flat = new LinkedHashMap<>();
		flatten("", root, flat);
		Settings known = Settings.known();
		List<String> unknown = flat.keySet().stream().filter((k) -> !known.accepts(k)).toList();
		assertThat(unknown).as(block.where() + ": settings the tool does not read (known: " + known.leaves + ")")
			.isEmpty();
		ParityProperties bound = SettingsBinding.of(flat);
		assertThat(bound).as(block.where() + ": the settings bind").isNotNull();
	}

	private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
		if (node.isObject()) {
			for (String name : node.propertyNames()) {
				flatten(prefix.isEmpty() ? name : prefix + "." + name, node.get(name), out);
			}
		}
		else {
			out.put(prefix, node.isNull() ? "" : node.asString());
		}
	}

	/**
	 * The settings the tool binds: leaves, and prefixes under which any key is a map key.
	 */
	record Settings(Set<String> leaves, Set<String> maps) {

		boolean accepts(String key) {
			return this.leaves.contains(key) || this.maps.stream().anyMatch((m) -> key.startsWith(m + "."));
		}

		static Settings known() {
			Settings s = new Settings(new TreeSet<>(), new TreeSet<>());
			s.add("parity", ParityProperties.class);
			s.add("parity.remote", RemoteProperties.class);
			Sources.bindSettings(new SettingsBinder() {

				@Override
				public <T> Optional<T> bind(String name, Class<T> type) {
					s.add(name, type);
					return Optional.empty();
				}

			});
			try {
				Matcher m = Pattern.compile("\\$\\{(parity\\.[a-z.-]+)[:}]")
					.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
				while (m.find()) {
					s.leaves.add(m.group(1));
				}
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			return s;
		}

		void add(String name, Type type) {
			if (type instanceof Class<?> c && c.isRecord()) {
				for (RecordComponent rc : c.getRecordComponents()) {
					if (rc.getType().getName().startsWith("dev.dualrun.") && !rc.getType().isRecord()) {
						continue; // carried, not bound (e.g. each source's settings)
					}
					add(name + "." + kebab(rc.getName()), rc.getGenericType());
				}
			}
			else if (type instanceof ParameterizedType p && p.getRawType() == Map.class
					|| type instanceof Class<?> c2 && Map.class.isAssignableFrom(c2)) {
				this.maps.add(name);
			}
			else {
				this.leaves.add(name);
			}
		}

		static String kebab(String camel) {
			return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
		}

	}

	// command lines

	/**
	 * @return the arguments after {@code parity-validator.jar} of each line that runs it,
	 * continuation lines joined
	 */
	static List<List<String>> commandLines(Block block) {
		List<List<String>> out = new ArrayList<>();
		for (String line : block.text().replaceAll("\\\\\\n", " ").split("\n")) {
			Matcher m = JAR.matcher(line);
			if (!line.strip().startsWith("#") && m.find()) {
				out.add(words(line.substring(m.end())));
			}
		}
		return out;
	}

	/**
	 * A shell's words, up to the end of the command: quotes removed, a comment or an
	 * operator ({@code |}, {@code ||}, {@code &&}, {@code ;}, a redirection) ends it, and
	 * a shell variable stands for a value ({@code 1}).
	 */
	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'' || c == '"') {
				int end = text.indexOf(c, i + 1);
				assertThat(end).as("closing quote in: " + text).isPositive();
				word = (word != null) ? word : new StringBuilder();
				String quoted = text.substring(i + 1, end);
				word.append((c == '"') ? variables(quoted) : quoted);
				i = end;
			}
			else if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
			}
			else if (c == '#' && word == null || c == '|' || c == ';' || c == '>' || c == '<'
					|| c == '&' && i + 1 < text.length() && text.charAt(i + 1) == '&') {
				break;
			}
			else if (c == '$') {
				int end = variableEnd(text, i);
				word = (word != null) ? word : new StringBuilder();
				word.append('1');
				i = end - 1;
			}
			else {
				word = (word != null) ? word : new StringBuilder();
				word.append(c);
			}
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

	private static String variables(String text) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '$') {
				out.append('1');
				i = variableEnd(text, i) - 1;
			}
			else {
				out.append(text.charAt(i));
			}
		}
		return out.toString();
	}

	/**
	 * @return the index after a variable starting at {@code i} ({@code $X}, {@code ${X}},
	 * {@code $(...)})
	 */
	private static int variableEnd(String text, int i) {
		if (i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '(')) {
			char close = (text.charAt(i + 1) == '{') ? '}' : ')';
			int end = text.indexOf(close, i + 2);
			assertThat(end).as("closing " + close + " in: " + text).isPositive();
			return end + 1;
		}
		int end = i + 1;
		while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
			end++;
		}
		return end;
	}

	private static void parseCommand(Block block, List<String> args) {
		CommandLine cli = ParityCli.commandLine();
		try {
			CommandLine.ParseResult result = cli.parseArgs(args.toArray(String[]::new));
			assertThat(result.hasSubcommand() || result.isUsageHelpRequested() || result.isVersionHelpRequested())
				.as(block.where() + ": a command in " + args)
				.isTrue();
		}
		catch (CommandLine.ParameterException ex) {
			fail(block.where() + ": parity-validator " + String.join(" ", args) + ": " + ex.getMessage());
		}
	}

	// documents

	static List<Path> documents() throws IOException {
		List<Path> docs = new ArrayList<>();
		docs.add(README);
		try (Stream<Path> chapters = Files.list(CHAPTERS)) {
			chapters.filter((p) -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
		}
		return docs;
	}

	static List<Block> blocks(Path file) throws IOException {
		List<Block> blocks = new ArrayList<>();
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			Matcher open = FENCE.matcher(lines.get(i));
			if (!open.matches()) {
				continue;
			}
			String indent = open.group(1);
			StringBuilder text = new StringBuilder();
			int j = i + 1;
			while (j < lines.size() && !lines.get(j).strip().equals("```")) {
				String line = lines.get(j);
				text.append(line.startsWith(indent) ? line.substring(indent.length()) : line).append('\n');
				j++;
			}
			assertThat(j).as(file + ":" + (i + 1) + ": an unclosed fence").isLessThan(lines.size());
			blocks.add(new Block(file, i + 1, open.group(2).strip(), text.toString()));
			i = j;
		}
		return blocks;
	}

	private static String withoutBlocks(String markdown) {
		return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```\\s*$", "").replaceAll("`[^`\\n]*`", "");
	}

	/** The anchors of a document's headings, as GitHub makes them. */
	static Set<String> anchors(String markdown) {
		Set<String> anchors = new LinkedHashSet<>();
		Iterator<String> lines = withoutBlocks(markdown).lines().iterator();
		while (lines.hasNext()) {
			String line = lines.next();
			if (line.startsWith("#")) {
				anchors.add(slug(line.replaceFirst("^#+\\s*", "")));
			}
		}
		// headings whose code spans were removed above: read them again with the code
		// kept
		markdown.lines()
			.filter((l) -> l.startsWith("#") && l.contains("`"))
			.forEach((l) -> anchors.add(slug(l.replaceFirst("^#+\\s*", ""))));
		return anchors;
	}

	static String slug(String heading) {
		return heading.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
	}

}

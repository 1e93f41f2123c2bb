package dev.dualrun.parity.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.stream.Collectors;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import dev.dualrun.parity.store.RunRow;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a run's report as {@code run-<id>.html} (self-contained: inline CSS, no script,
 * no network; a Content-Security-Policy forbids loading anything) and
 * {@code run-<id>.json}. Files are written to a temporary name and moved into place, so a
 * reader never sees half a report.
 */
public final class ReportWriter {

	/** Chart.js from its webjar, inlined: the report loads nothing from the network. */
	static final String CHART_JS = resource("META-INF/resources/webjars/chart.js/4.5.1/dist/chart.umd.min.js");

	/**
	 * Sorts and filters the pairs table; draws each pair's charts when its section
	 * scrolls into view.
	 */
	static final String CHART_INIT = resource("templates/report.js");

	private final TemplateEngine engine;

	private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	private final ObjectMapper compact = JsonMapper.builder().build();

	public ReportWriter() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
		// values inlined in scripts are written by the Jackson the reports use already:
		// Thymeleaf's default serializer would start Jackson 2's ObjectMapper for them
		org.thymeleaf.standard.StandardDialect dialect = new org.thymeleaf.standard.StandardDialect();
		dialect.setJavaScriptSerializer((value, writer) -> {
			try {
				writer.write(this.compact.writeValueAsString(value).replace("<", "\\u003c"));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
		this.engine.setDialect(dialect);
	}

	/**
	 * @param report the model
	 * @return the HTML
	 */
	public String html(RunReport report) {
		StringWriter out = new StringWriter();
		html(report, out);
		return out.toString();
	}

	/**
	 * Renders the run report to a writer.
	 * @param report the model
	 * @param out where the HTML goes
	 */
	public void html(RunReport report, Writer out) {
		html(report, out, (rows) -> {
			tools.jackson.core.JsonGenerator gen = this.compact.createGenerator(new ScriptSafeWriter(rows));
			gen.writeStartArray();
			for (RunReport.Row r : report.rows()) {
				gen.writePOJO(r.asArray());
			}
			gen.writeEndArray();
			gen.flush();
		});
	}

	/**
	 * Renders the run report with its rows copied from a file written as the store was
	 * read ({@link #write(ReportBuilder, RunRow, Path)}).
	 */
	private void html(RunReport report, Writer out, Path rowsFile) {
		html(report, out, (rows) -> {
			try (java.io.Reader in = Files.newBufferedReader(rowsFile, StandardCharsets.UTF_8)) {
				in.transferTo(rows);
			}
		});
	}

	private void html(RunReport report, Writer out, RowsWriter rows) {
		Context context = new Context(java.util.Locale.ROOT);
		context.setVariable("r", report);
		context.setVariable("run", report.run());
		context.setVariable("C_COVERED", dev.dualrun.parity.estate.Coverage.Status.COVERED);
		context.setVariable("C_EXCLUDED", dev.dualrun.parity.estate.Coverage.Status.EXCLUDED);
		context.setVariable("C_EXPIRED", dev.dualrun.parity.estate.Coverage.Status.EXCLUSION_EXPIRED);
		context.setVariable("C_UNCOVERED", dev.dualrun.parity.estate.Coverage.Status.UNCOVERED);
		context.setVariable("charted", report.charts().stream().map(PairChart::pair).collect(Collectors.toSet()));
		context.setVariable("chartData", this.compact.writeValueAsString(report.charts()).replace("<", "\\u003c"));
		context.setVariable("alertData",
				this.compact.writeValueAsString(
						report.alerts().stream().map(AlertView::timeline).filter(java.util.Objects::nonNull).toList())
					.replace("<", "\\u003c"));
		context.setVariable("rowData", ROWS_MARK);
		context.setVariable("sidesData",
				this.compact
					.writeValueAsString(report.sides().stream().map((x) -> List.of(x.oldName(), x.newName())).toList())
					.replace("<", "\\u003c"));
		context.setVariable("chartJs", CHART_JS);
		context.setVariable("T_DETAILED", ReportBuilder.DETAILED);
		context.setVariable("chartInit", CHART_INIT);
		context.setVariable("csp", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src '"
				+ sha256(CHART_JS) + "' '" + sha256(CHART_INIT) + "'");
		// the rows of a large run are tens of MB: streamed into their place, never one
		// string
		String page = this.engine.process("run-report", context);
		int mark = page.indexOf(ROWS_MARK);
		try {
			out.write(page, 0, mark);
			rows.write(out);
			out.write(page, mark + ROWS_MARK.length(), page.length() - mark - ROWS_MARK.length());
			out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes the rows' JSON array, script-safe, where the page holds its mark. */
	@FunctionalInterface
	private interface RowsWriter {

		void write(Writer out) throws IOException;

	}

	/** Stands in the rendered page where the rows are streamed. */
	private static final String ROWS_MARK = "\u0000PAIR-ROWS\u0000";

	/**
	 * Escapes {@code <} as {@code \u003c}: inside a JSON data block it can only stand in
	 * a string, and escaped it can never close the script element.
	 */
	private static final class ScriptSafeWriter extends java.io.FilterWriter {

		ScriptSafeWriter(Writer out) {
			super(out);
		}

		@Override
		public void write(int c) throws IOException {
			if (c == '<') {
				this.out.write("\\u003c");
			}
			else {
				this.out.write(c);
			}
		}

		@Override
		public void write(char[] buf, int off, int len) throws IOException {
			int start = off;
			for (int i = off; i < off + len; i++) {
				if (buf[i] == '<') {
					this.out.write(buf, start, i - start);
					this.out.write("\\u003c");
					start = i + 1;
				}
			}
			this.out.write(buf, start, off + len - start);
		}

		@Override
		public void write(String s, int off, int len) throws IOException {
			write(s.toCharArray(), off, len);
		}

		@Override
		public void close() {
			// the page's writer stays open
		}

	}

	/**
	 * Writes {@code index.html}: the latest runs, each linked to its report where the
	 * report is there.
	 * @param runs the latest runs, newest first
	 * @param directory the reports directory
	 * @param reporting the run whose report is being written with it, or 0
	 * @throws IOException if it cannot be written
	 */
	public void writeIndex(List<RunRow> runs, Path directory, long reporting) throws IOException {
		Context context = new Context(java.util.Locale.ROOT);
		context.setVariable("runs", runs);
		context.setVariable("reported",
				runs.stream()
					.map(RunRow::id)
					.filter((id) -> id == reporting || Files.exists(directory.resolve("run-" + id + ".html")))
					.collect(java.util.stream.Collectors.toSet()));
		context.setVariable("generatedAt", java.time.Instant.now().toString());
		AtomicFile.write(directory.resolve("index.html"),
				this.engine.process("index", context).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes the sign-off report as {@code signoff.html} and {@code signoff.json}.
	 * @param signOff the sign-off
	 * @param directory the reports directory
	 * @return the HTML file
	 */
	public Path writeSignOff(SignOffReport signOff, Path directory) {
		Context context = new Context(java.util.Locale.ROOT);
		context.setVariable("s", signOff);
		context.setVariable("T_SIGNED", SignOffReport.Status.SIGNED_OFF);
		context.setVariable("T_WAIVED", SignOffReport.Status.WAIVED);
		context.setVariable("T_BLOCKED", SignOffReport.Status.BLOCKED);
		context.setVariable("T_EXPIRED", SignOffReport.Status.WAIVER_EXPIRED);
		context.setVariable("C_COVERED", dev.dualrun.parity.estate.Coverage.Status.COVERED);
		context.setVariable("C_EXCLUDED", dev.dualrun.parity.estate.Coverage.Status.EXCLUDED);
		context.setVariable("C_EXPIRED", dev.dualrun.parity.estate.Coverage.Status.EXCLUSION_EXPIRED);
		context.setVariable("C_UNCOVERED", dev.dualrun.parity.estate.Coverage.Status.UNCOVERED);
		try {
			Files.createDirectories(directory);
			Path html = directory.resolve("signoff.html");
			AtomicFile.write(html, this.engine.process("signoff", context).getBytes(StandardCharsets.UTF_8));
			AtomicFile.write(directory.resolve("signoff.json"), this.json.writeValueAsBytes(signOff));
			return html;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the sign-off under " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private static String resource(String name) {
		try (InputStream in = ReportWriter.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("missing resource " + name);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The CSP source of an inline script: sha256 of its exact text, base64. */
	static String sha256(String script) {
		try {
			return "sha256-" + Base64.getEncoder()
				.encodeToString(MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Writes the HTML, JSON and JUnit reports of a run and the index, reading the store
	 * once, pair by pair: the JSON and JUnit files are streamed as each pair is read, the
	 * HTML is rendered from the compact model. Each file is written under a temporary
	 * name and moved into place.
	 * @param builder reads the store
	 * @param run the run as the report shows it
	 * @param directory the reports directory (created if missing)
	 * @return the HTML file
	 */
	public Path write(ReportBuilder builder, RunRow run, Path directory) {
		try {
			Files.createDirectories(directory);
			AtomicFile.removeLeftovers(directory, "run-" + run.id() + ".");
			Map<String, Integer> counts = builder.counts(run);
			List<AlertView> alerts = builder.alerts(run);
			Path jsonFile = directory.resolve("run-" + run.id() + ".json");
			Path junitFile = directory.resolve("run-" + run.id() + ".junit.xml");
			Path jsonTmp = AtomicFile.temporary(jsonFile);
			Path junitTmp = AtomicFile.temporary(junitFile);
			Path htmlFile = directory.resolve("run-" + run.id() + ".html");
			// the table's rows, written as the store is read: memory does not grow with
			// the run
			Path rowsTmp = AtomicFile.temporary(directory.resolve("run-" + run.id() + ".rows"));
			Path htmlTmp = AtomicFile.temporary(htmlFile);
			try {
				RunReport report;
				try (OutputStream jsonOut = new BufferedOutputStream(Files.newOutputStream(jsonTmp));
						Writer junitOut = Files.newBufferedWriter(junitTmp, StandardCharsets.UTF_8);
						Writer rowsOut = Files.newBufferedWriter(rowsTmp, StandardCharsets.UTF_8);
						JsonReport.Stream json = new JsonReport.Stream(this.json, jsonOut, run, counts);
						JUnitXml.Stream junit = new JUnitXml.Stream(junitOut, run, counts, run.pairsTotal(), alerts);
						tools.jackson.core.JsonGenerator rows = this.compact
							.createGenerator(new ScriptSafeWriter(rowsOut))) {
					rows.writeStartArray();
					report = builder.build(run, (section) -> {
						json.pair(section);
						junit.testcase(section);
					}, (row) -> rows.writePOJO(row.asArray()));
					json.coverage(report.coverage());
					json.alerts(alerts);
					rows.writeEndArray();
				}
				try (Writer out = Files.newBufferedWriter(htmlTmp, StandardCharsets.UTF_8)) {
					html(report, out, rowsTmp);
				}
				AtomicFile.place(htmlTmp, htmlFile);
				AtomicFile.place(jsonTmp, jsonFile);
				AtomicFile.place(junitTmp, junitFile);
				writeIndex(report.recentRuns(), directory, run.id());
				return htmlFile;
			}
			finally {
				Files.deleteIfExists(rowsTmp);
				Files.deleteIfExists(htmlTmp);
				Files.deleteIfExists(jsonTmp);
				Files.deleteIfExists(junitTmp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report under " + directory + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Writes the reports of a model already built (tests and small runs).
	 * @param report the model
	 * @param directory the reports directory
	 * @return the HTML file
	 */
	public Path write(RunReport report, Path directory) {
		try {
			Files.createDirectories(directory);
			Path htmlFile = directory.resolve("run-" + report.run().id() + ".html");
			AtomicFile.write(htmlFile, html(report).getBytes(StandardCharsets.UTF_8));
			AtomicFile.write(directory.resolve("run-" + report.run().id() + ".json"),
					this.json.writeValueAsBytes(JsonReport.of(report)));
			AtomicFile.write(directory.resolve("run-" + report.run().id() + ".junit.xml"),
					JUnitXml.of(report).getBytes(StandardCharsets.UTF_8));
			writeIndex(report.recentRuns(), directory, report.run().id());
			return htmlFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report under " + directory + ": " + ex.getMessage(), ex);
		}
	}

}

package dev.dualrun.parity.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

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

	private final TemplateEngine engine;

	private final ObjectMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	public ReportWriter() {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		resolver.setTemplateMode(TemplateMode.HTML);
		resolver.setCharacterEncoding("UTF-8");
		this.engine = new TemplateEngine();
		this.engine.setTemplateResolver(resolver);
	}

	/**
	 * @param report the model
	 * @return the HTML
	 */
	public String html(RunReport report) {
		Context context = new Context(java.util.Locale.ROOT);
		context.setVariable("r", report);
		context.setVariable("run", report.run());
		return this.engine.process("run-report", context);
	}

	/**
	 * Writes the HTML and JSON reports of a run.
	 * @param report the model
	 * @param directory the reports directory (created if missing)
	 * @return the HTML file
	 */
	public Path write(RunReport report, Path directory) {
		try {
			Files.createDirectories(directory);
			Path htmlFile = directory.resolve("run-" + report.run().id() + ".html");
			atomically(htmlFile, html(report).getBytes(StandardCharsets.UTF_8));
			atomically(directory.resolve("run-" + report.run().id() + ".json"),
					this.json.writeValueAsBytes(new JsonReport(1, report)));
			return htmlFile;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot write the report under " + directory + ": " + ex.getMessage(), ex);
		}
	}

	private static void atomically(Path target, byte[] content) throws IOException {
		Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			Files.write(tmp, content);
			if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
			}
			Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}

	/**
	 * The JSON document: a schema version and the report model.
	 *
	 * @param schemaVersion incremented on incompatible changes
	 * @param report the report
	 */
	record JsonReport(int schemaVersion, RunReport report) {

	}

}

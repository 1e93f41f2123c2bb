package dev.dualrun.parity;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** Keeps the dependencies pointing one way, as the style guide describes. */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.dualrun.parity");

	@Test
	void packagesDependOnlyOnPackagesAboveThem() {
		layeredArchitecture().consideringOnlyDependenciesInLayers()
			.layer("config")
			.definedBy("dev.dualrun.parity.config..")
			.layer("alert")
			.definedBy("dev.dualrun.parity.alert..")
			.layer("source")
			.definedBy("dev.dualrun.parity.source")
			.layer("http")
			.definedBy("dev.dualrun.parity.source.http..")
			.layer("cloudwatch")
			.definedBy("dev.dualrun.parity.source.cloudwatch..")
			.layer("prometheus")
			.definedBy("dev.dualrun.parity.source.prometheus..")
			.layer("azure")
			.definedBy("dev.dualrun.parity.source.azure..")
			.layer("align")
			.definedBy("dev.dualrun.parity.align..")
			.layer("compare")
			.definedBy("dev.dualrun.parity.compare..")
			.layer("store")
			.definedBy("dev.dualrun.parity.store..")
			.layer("estate")
			.definedBy("dev.dualrun.parity.estate..")
			.layer("discover")
			.definedBy("dev.dualrun.parity.discover..")
			.layer("fix")
			.definedBy("dev.dualrun.parity.fix..")
			.layer("report")
			.definedBy("dev.dualrun.parity.report..")
			.layer("batch")
			.definedBy("dev.dualrun.parity.batch..")
			.layer("demo")
			.definedBy("dev.dualrun.parity.demo..")
			.layer("cli")
			.definedBy("dev.dualrun.parity.cli..")
			.whereLayer("cli")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("demo")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("batch")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("report")
			.mayOnlyBeAccessedByLayers("batch", "cli")
			.whereLayer("estate")
			.mayOnlyBeAccessedByLayers("report", "batch", "cli")
			.whereLayer("discover")
			.mayOnlyBeAccessedByLayers("cli")
			.whereLayer("fix")
			.mayOnlyBeAccessedByLayers("demo", "cli")
			.whereLayer("store")
			.mayOnlyBeAccessedByLayers("estate", "fix", "report", "batch", "cli")
			.whereLayer("compare")
			.mayOnlyBeAccessedByLayers("store", "fix", "report", "batch", "cli")
			.whereLayer("align")
			.mayOnlyBeAccessedByLayers("compare", "store", "report", "batch", "cli")
			// a vendor lives in its source package: the pipeline finds it by type in the
			// registry, and no other package names it
			.whereLayer("cloudwatch")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("azure")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("prometheus")
			.mayNotBeAccessedByAnyLayer()
			.whereLayer("http")
			.mayOnlyBeAccessedByLayers("prometheus", "azure")
			// alert parity on neither vendor's terms: the vendors replay, the judge
			// judges
			.whereLayer("alert")
			.mayOnlyBeAccessedByLayers("source", "cloudwatch", "prometheus", "store", "fix", "report", "batch", "cli")
			.whereLayer("source")
			.mayOnlyBeAccessedByLayers("cloudwatch", "prometheus", "azure", "align", "compare", "store", "estate",
					"discover", "fix", "report", "batch", "cli")
			.check(CLASSES);
	}

	@Test
	void everythingFromConfigToReportBuildsWithoutSpring() {
		noClasses().that()
			.resideInAnyPackage("..parity.config..", "..parity.alert..", "..parity.source..", "..parity.align..",
					"..parity.compare..", "..parity.store..", "..parity.estate..", "..parity.discover..",
					"..parity.report..", "..parity.demo..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CLASSES);
	}

	/**
	 * A vendor lives in its source's package: everything else speaks of an old and a new
	 * side and takes the systems' names from the registry. Identifiers and string
	 * constants are read from the source text, comments aside.
	 */
	@Test
	void noClassOutsideItsSourceOrTheDemoNamesAVendor() throws java.io.IOException {
		java.nio.file.Path root = java.nio.file.Path.of("src/main/java/dev/dualrun/parity");
		List<String> found = new java.util.ArrayList<>();
		try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(root)) {
			for (java.nio.file.Path file : files.filter((f) -> f.toString().endsWith(".java")).sorted().toList()) {
				String where = root.relativize(file).toString().replace('\\', '/');
				// the verdicts as metrics go out through the Prometheus Java client's
				// Pushgateway exporter: an output channel, as JUnit XML is, not a source
				if (where.startsWith("demo/") || VENDOR_PACKAGE.matcher(where).matches()
						|| where.equals("report/VerdictPush.java")) {
					continue;
				}
				JavaTokens.of(java.nio.file.Files.readString(file))
					.stream()
					.filter((t) -> Vendors.named(t))
					.forEach((t) -> found.add(where + ":" + t.line() + ": " + t.text()));
			}
		}
		assertThat(found).as("vendor names outside source.<vendor> and demo").isEmpty();
	}

	/**
	 * A vendor's source package: {@code source/<vendor>/...}, but not the neutral
	 * {@code source/http}.
	 */
	private static final java.util.regex.Pattern VENDOR_PACKAGE = java.util.regex.Pattern
		.compile("source/(?!http/)[a-z]+/.*");

	@Test
	void noMainClassOutsideTheDemoIsOver400LinesAndNoMethodOver60() throws java.io.IOException {
		java.nio.file.Path root = java.nio.file.Path.of("src/main/java/dev/dualrun/parity");
		assertThat(SourceSizes.filesLongerThan(root, 400, "demo")).as("main classes over 400 lines").isEmpty();
		assertThat(SourceSizes.methodsLongerThan(root, 60)).as("methods over 60 lines").isEmpty();
	}

	@Test
	void onlyTheCliWritesToStandardOutput() {
		noClasses().that()
			.resideOutsideOfPackage("..parity.cli..")
			.should()
			.accessField(System.class, "out")
			.check(CLASSES);
	}

}

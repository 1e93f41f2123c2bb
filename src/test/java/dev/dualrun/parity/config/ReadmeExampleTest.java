package dev.dualrun.parity.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commented example mapping in the README is what users copy: it must stay valid. */
class ReadmeExampleTest {

	@Test
	void readmeExampleMappingIsValid() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		int start = readme.indexOf("```yaml\n# mappings.yml");
		assertThat(start).as("the README's example mapping").isNotNegative();
		String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
		MappingFile file = dev.dualrun.parity.source.Sources.mappingLoader()
			.parse("README.md", yaml.getBytes(StandardCharsets.UTF_8));
		assertThat(file.pairs()).extracting(PairMapping::id)
			.containsExactly("flask-latency-root", "flask-requests-root", "flask-latency-root-p95",
					"flask-errors-orders", "flask-latency-orders-ms");
		assertThat(file.pairs().get(4).old().statisticName()).as("metric math has no single statistic").isNull();
		assertThat(file.pairs().get(4).unitFactor()).isEqualTo(1000);
	}

}

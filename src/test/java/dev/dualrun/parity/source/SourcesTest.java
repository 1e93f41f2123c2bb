package dev.dualrun.parity.source;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one registry finds each source by its type through its one registration. */
class SourcesTest {

	@Test
	void everyRegisteredSourceIsFoundByTypeWithItsRoleAndName() {
		assertThat(Sources.all()).extracting(SourceProvider::type)
			.containsExactly("azure-monitor", "cloudwatch", "prometheus");
		assertThat(Sources.provider("azure-monitor").role()).isEqualTo(SourceProvider.Role.OLD);
		assertThat(Sources.provider("azure-monitor").displayName()).isEqualTo("Azure Monitor");
		assertThat(Sources.provider("cloudwatch").role()).isEqualTo(SourceProvider.Role.OLD);
		assertThat(Sources.provider("cloudwatch").displayName()).isEqualTo("CloudWatch");
		assertThat(Sources.provider("prometheus").role()).isEqualTo(SourceProvider.Role.NEW);
		assertThat(Sources.provider("prometheus").displayName()).isEqualTo("Prometheus");
	}

	@Test
	void aPairsSystemsAreNamedByItsSources() {
		// and so were the definitions stored before the sources named them
		assertThat(Sources.sides("cloudwatch", "prometheus")).isEqualTo(Sides.CLOUDWATCH_PROMETHEUS);
		assertThatThrownBy(() -> Sources.sides("prometheus", "cloudwatch")).isInstanceOf(ConfigurationException.class)
			.hasMessage("source 'prometheus' is a new side, not the old one");
	}

	@Test
	void anUnknownTypeNamesTheKnownOnes() {
		assertThatThrownBy(() -> Sources.provider("stackdriver")).isInstanceOf(ConfigurationException.class)
			.hasMessage("no source of type 'stackdriver' (known: azure-monitor, cloudwatch, prometheus)");
	}

}

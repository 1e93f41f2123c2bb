package dev.dualrun.parity.source;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.Sides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one registry finds each source by its type through its one registration. */
class SourcesTest {

	@Test
	void everyRegisteredSourceIsFoundByTypeWithItsRoleAndName() {
		assertThat(Sources.all()).extracting(SourceProvider::type)
			.containsExactly("azure-monitor", "cloudwatch", "edge", "prometheus");
		assertThat(Sources.provider("azure-monitor").role()).isEqualTo(Side.OLD);
		assertThat(Sources.provider("azure-monitor").displayName()).isEqualTo("Azure Monitor");
		assertThat(Sources.provider("cloudwatch").role()).isEqualTo(Side.OLD);
		assertThat(Sources.provider("cloudwatch").displayName()).isEqualTo("CloudWatch");
		assertThat(Sources.provider("edge").role()).isEqualTo(Side.OLD);
		assertThat(Sources.provider("edge").displayName()).isEqualTo("edge Prometheus");
		assertThat(Sources.provider("prometheus").role()).isEqualTo(Side.NEW);
		assertThat(Sources.provider("prometheus").displayName()).isEqualTo("Prometheus");
	}

	@Test
	void aPairsSystemsAreNamedByItsSources() {
		assertThat(Sources.sides("cloudwatch", "prometheus"))
			.isEqualTo(new Sides("CloudWatch", "Prometheus", "check namespace, metric name, dimensions and unit",
					"check the metric name and label matchers of the PromQL"));
		assertThatThrownBy(() -> Sources.sides("prometheus", "cloudwatch")).isInstanceOf(ConfigurationException.class)
			.hasMessage("source 'prometheus' is a new side, not the old one");
	}

	@Test
	void eachOldSideSaysHowLongItKeepsItsData() {
		java.time.Instant now = java.time.Instant.parse("2026-12-01T12:00:00Z");
		var pair = TestPairs.pair("cpu", "1h",
				"azure-monitor: { resource: '/subscriptions/s/resourceGroups/g/providers/"
						+ "Microsoft.Compute/virtualMachines/v', metric: CPU, aggregation: Average }",
				"up");
		QueryWindow recent = new QueryWindow(now.minus(java.time.Duration.ofDays(92)),
				now.minus(java.time.Duration.ofDays(91)), java.time.Duration.ofHours(1));
		QueryWindow old = new QueryWindow(now.minus(java.time.Duration.ofDays(94)),
				now.minus(java.time.Duration.ofDays(93)), java.time.Duration.ofHours(1));
		Sources.checkWindow(pair, recent, now);
		assertThatThrownBy(() -> Sources.checkWindow(pair, old, now)).isInstanceOf(ConfigurationException.class)
			.hasMessage("pair 'cpu': period 3600 s is not available for a window starting 2026-08-29T12:00:00Z "
					+ "(94 days ago): Azure Monitor keeps metrics 93 days (the period rule)");
	}

	@Test
	void anUnknownTypeNamesTheKnownOnes() {
		assertThatThrownBy(() -> Sources.provider("stackdriver")).isInstanceOf(ConfigurationException.class)
			.hasMessage("no source of type 'stackdriver' (known: azure-monitor, cloudwatch, edge, prometheus)");
	}

}

package dev.dualrun.parity.report;

import org.junit.jupiter.api.Test;

import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The textfile's metrics become the Pushgateway's, name, help, labels and value alike.
 */
class VerdictPushTest {

	@Test
	void everyFamilyOfTheTextfileIsPushedAsAGaugeWithItsLabelsUnescaped() {
		String text = """
				# HELP parity_pair_passing 1 when the pair's verdict is PASS, else 0.
				# TYPE parity_pair_passing gauge
				parity_pair_passing{mapping="m \\"one\\".yml",pair="a\\\\b"} 1
				parity_pair_passing{mapping="m \\"one\\".yml",pair="c"} 0
				# HELP parity_run_id The number of the mapping's latest run.
				# TYPE parity_run_id gauge
				parity_run_id{mapping="m \\"one\\".yml"} 7
				""";
		MetricSnapshots snapshots = VerdictPush.snapshots(text);
		assertThat(snapshots.size()).isEqualTo(2);
		GaugeSnapshot passing = (GaugeSnapshot) snapshots.get(0);
		assertThat(passing.getMetadata().getName()).isEqualTo("parity_pair_passing");
		assertThat(passing.getMetadata().getHelp()).isEqualTo("1 when the pair's verdict is PASS, else 0.");
		assertThat(passing.getDataPoints()).hasSize(2);
		assertThat(passing.getDataPoints().get(0).getLabels().get("mapping")).isEqualTo("m \"one\".yml");
		assertThat(passing.getDataPoints().get(0).getLabels().get("pair")).isEqualTo("a\\b");
		assertThat(passing.getDataPoints().get(1).getValue()).isZero();
		assertThat(((GaugeSnapshot) snapshots.get(1)).getDataPoints().get(0).getValue()).isEqualTo(7);
	}

}

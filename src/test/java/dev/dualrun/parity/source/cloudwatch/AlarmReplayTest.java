package dev.dualrun.parity.source.cloudwatch;

import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.dualrun.parity.alert.Comparison;
import dev.dualrun.parity.alert.MissingData;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alarm's evaluation over its range of N + 2 datapoints, 3 of 3 datapoints to alarm,
 * under each treatment of missing data: X breaching, 0 not breaching, - missing, oldest
 * first (the cases of the CloudWatch User Guide's table on missing data).
 */
class AlarmReplayTest {

	private static final long P = 60_000;

	@ParameterizedTest(name = "{0} with {1} from {2}: {3}")
	@CsvSource({
			// enough real datapoints: the treatment does not matter, the newest 3 decide
			"0-X-X, missing, OK, OK", "0-X-X, breaching, OK, OK", "0X0-X, notBreaching, ALARM, OK",
			"0XX-X, notBreaching, OK, ALARM", "0XX-X, missing, OK, ALARM", "0XX-X, ignore, OK, ALARM",
			"00X0X, breaching, OK, OK",
			// none: each treatment as its name says
			"-----, missing, OK, INSUFFICIENT_DATA", "-----, ignore, ALARM, ALARM", "-----, ignore, OK, OK",
			"-----, breaching, OK, ALARM", "-----, notBreaching, ALARM, OK",
			// some: filled as breaching or not, or judged on what is there
			"----0, missing, ALARM, OK", "----0, ignore, ALARM, OK", "----0, breaching, OK, OK",
			"--X--, missing, OK, ALARM", "--X--, ignore, OK, OK", "--X--, ignore, ALARM, ALARM",
			"--X--, breaching, OK, ALARM", "--X--, notBreaching, OK, OK", "-X-X-, notBreaching, OK, OK",
			"-X-X-, breaching, OK, ALARM", "0---X, missing, OK, OK" })
	void evaluatesTheRangeAsTheUserGuideSays(String points, String treatment, String before, String expected) {
		String p = points;
		TreeMap<Long, Double> data = new TreeMap<>();
		long end = 100 * P;
		for (int i = 0; i < 5; i++) {
			char c = p.charAt(i);
			if (c != '-') {
				data.put(end - (5 - i) * P, (c == 'X') ? 10.0 : 1.0);
			}
		}
		// a first evaluation puts the alarm in the state before (on data long gone)
		TreeMap<Long, Double> warm = new TreeMap<>(data);
		double v = before.equals("ALARM") ? 10 : 1;
		for (int i = 0; i < 3; i++) {
			warm.put(end - (20 - i) * P, v);
		}
		AlarmReplay.State[] states = AlarmReplay.replay(warm, P, new long[] { end - 17 * P, end }, 3, 3,
				Comparison.GREATER, 5, MissingData.of(treatment));
		assertThat(states[0]).isEqualTo(AlarmReplay.State.valueOf(before));
		assertThat(states[1]).as("%s %s", points, treatment).isEqualTo(AlarmReplay.State.valueOf(expected));
	}

	@ParameterizedTest(name = "M of N: {0} -> {1}")
	@CsvSource({ "X0X0X, ALARM", "0X0X0, OK", "XX000, OK", "00XXX, ALARM" })
	void alarmsOnMOfNDatapointsThatNeedNotBeConsecutive(String points, String expected) {
		TreeMap<Long, Double> data = new TreeMap<>();
		long end = 100 * P;
		for (int i = 0; i < 5; i++) {
			data.put(end - (5 - i) * P, (points.charAt(i) == 'X') ? 10.0 : 1.0);
		}
		AlarmReplay.State[] states = AlarmReplay.replay(data, P, new long[] { end }, 5, 3, Comparison.GREATER, 5,
				MissingData.MISSING);
		assertThat(states[0]).isEqualTo(AlarmReplay.State.valueOf(expected));
	}

}

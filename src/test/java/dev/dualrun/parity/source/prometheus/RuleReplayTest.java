package dev.dualrun.parity.source.prometheus;

import org.junit.jupiter.api.Test;

import dev.dualrun.parity.alert.Comparison;

import static org.assertj.core.api.Assertions.assertThat;

/** The pending and firing states of an alerting rule, and the split of its expression. */
class RuleReplayTest {

	private static long[] times(int n) {
		long[] t = new long[n];
		for (int i = 0; i < n; i++) {
			t[i] = i * 60_000L;
		}
		return t;
	}

	private static boolean[] active(String pattern) {
		boolean[] a = new boolean[pattern.length()];
		for (int i = 0; i < a.length; i++) {
			a[i] = pattern.charAt(i) == 'X';
		}
		return a;
	}

	private static String firing(String pattern, long forMinutes, long keepMinutes) {
		boolean[] f = RuleReplay.firing(times(pattern.length()), active(pattern), forMinutes * 60_000,
				keepMinutes * 60_000);
		StringBuilder out = new StringBuilder();
		for (boolean b : f) {
			out.append(b ? 'F' : '.');
		}
		return out.toString();
	}

	@Test
	void firesOnceTheConditionHeldForItsFor() {
		assertThat(firing("..XXXX..", 0, 0)).isEqualTo("..FFFF..");
		assertThat(firing("..XXXX..", 2, 0)).isEqualTo("....FF..");
		// a gap resets the pending time
		assertThat(firing(".XX.XXX.", 2, 0)).isEqualTo("......F.");
		assertThat(firing(".XX.....", 3, 0)).isEqualTo("........");
	}

	@Test
	void keepFiringForHoldsAFiringAlertAfterTheConditionStops() {
		assertThat(firing(".XX.....", 0, 2)).isEqualTo(".FFFF...");
		// a pending alert is not kept
		assertThat(firing(".X......", 2, 5)).isEqualTo("........");
		// the condition back within keep_firing_for: one episode
		assertThat(firing(".X.X....", 0, 2)).isEqualTo(".FFFFF..");
	}

	@Test
	void splitsTheExpressionIntoWhatItWatchesAndItsThreshold() {
		AlertExpression e = AlertExpression.parse("sum(rate(errors_total{code=~\"5..\"}[5m])) by (job) > 0.5");
		assertThat(e.watched()).isEqualTo("sum(rate(errors_total{code=~\"5..\"}[5m])) by (job)");
		assertThat(e.comparison()).isEqualTo(Comparison.GREATER);
		assertThat(e.threshold()).isEqualTo(0.5);
		AlertExpression swapped = AlertExpression.parse("10 >= (up_ratio{job=\"a>b\"})");
		assertThat(swapped.watched()).isEqualTo("up_ratio{job=\"a>b\"}");
		assertThat(swapped.comparison()).isEqualTo(Comparison.LESS_OR_EQUAL);
		assertThat(swapped.threshold()).isEqualTo(10);
		AlertExpression absent = AlertExpression.parse("x > 3 or absent(x)");
		assertThat(absent.firesOnAbsence()).isTrue();
		assertThat(absent.watched()).isEqualTo("x");
		assertThat(AlertExpression.parse("a > b").comparison()).isNull();
		assertThat(AlertExpression.parse("a > bool 3").comparison()).isNull();
		assertThat(AlertExpression.parse("a > 3 and b < 2").comparison()).isNull();
		assertThat(AlertExpression.parse("rate(x[5m]) > 1e-3").threshold()).isEqualTo(0.001);
		assertThat(AlertExpression.parse("a == 3").comparison()).isNull();
	}

}

package dev.dualrun.parity.source.prometheus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which series' {@code le} values bound a percentile's estimate: those of the histogram
 * its {@code histogram_quantile} reads, only when that is the whole query.
 */
class BucketBoundsReaderTest {

	@Test
	void theHistogramOfAWholeQuantileIsRead() {
		assertThat(BucketBoundsReader
			.bucketSelectors("histogram_quantile(0.99, sum by (le) (increase(http_seconds_bucket{job=\"api\"}[5m])))"))
			.containsExactly("http_seconds_bucket{job=\"api\"}");
	}

	@Test
	void aQuantileScaledOrCombinedIsNotOnItsBucketsScale() {
		assertThat(BucketBoundsReader
			.bucketSelectors("histogram_quantile(0.99, sum by (le) (rate(http_seconds_bucket[5m]))) * 1000")).isEmpty();
		assertThat(BucketBoundsReader.bucketSelectors("max(histogram_quantile(0.9, rate(a_bucket[5m])))")).isEmpty();
		assertThat(BucketBoundsReader.bucketSelectors("histogram_quantile(0.9, ")).as("does not parse").isEmpty();
	}

	@Test
	void boundsAreNumbersAndInfIsNone() {
		assertThat(BucketBoundsReader.bound("0.25")).isEqualTo(0.25);
		assertThat(BucketBoundsReader.bound("+Inf")).isInfinite();
		assertThat(BucketBoundsReader.bound("fast")).isNaN();
	}

}

package dev.dualrun.parity.source;

/**
 * What a source answered for one pair: a series, or the failure that stopped it. A
 * failure of one pair never hides the answers for the others.
 *
 * @param pairId the pair
 * @param series the series, or null on failure
 * @param failure the failure, or null on success
 */
public record SeriesResult(String pairId, TimeSeries series, SourceException failure) {

	public static SeriesResult ok(String pairId, TimeSeries series) {
		return new SeriesResult(pairId, series, null);
	}

	public static SeriesResult failed(String pairId, SourceException failure) {
		return new SeriesResult(pairId, null, failure);
	}

	public boolean isOk() {
		return this.failure == null;
	}

}

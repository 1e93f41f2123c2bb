package dev.dualrun.parity.alert;

/**
 * What an alert does when its series has no data: CloudWatch's four
 * {@code TreatMissingData} values; a Prometheus rule is {@link #NOT_BREACHING} (no
 * sample, no alert) unless its expression adds {@code or absent(...)}, which is
 * {@link #BREACHING}.
 */
public enum MissingData {

	/** Judged on the data there is; all missing is INSUFFICIENT_DATA. */
	MISSING("missing"),
	/** The state is kept. */
	IGNORE("ignore"),
	/** Missing data counts as breaching. */
	BREACHING("breaching"),
	/** Missing data counts as within the threshold. */
	NOT_BREACHING("notBreaching");

	private final String word;

	MissingData(String word) {
		this.word = word;
	}

	/**
	 * @return CloudWatch's spelling
	 */
	public String word() {
		return this.word;
	}

	/**
	 * @param word CloudWatch's spelling, null for the default
	 * @return the treatment
	 * @throws IllegalArgumentException for an unknown word
	 */
	public static MissingData of(String word) {
		if (word == null || word.isEmpty()) {
			return MISSING;
		}
		for (MissingData m : values()) {
			if (m.word.equals(word)) {
				return m;
			}
		}
		throw new IllegalArgumentException("unknown treatment of missing data '" + word
				+ "' (expected missing, ignore, breaching or notBreaching)");
	}

}

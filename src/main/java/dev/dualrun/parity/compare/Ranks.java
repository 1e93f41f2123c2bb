package dev.dualrun.parity.compare;

/**
 * Midranks (ties share the mean of their ranks, as commons-math's NaturalRanking with
 * TiesStrategy.AVERAGE and SciPy's rankdata give them) on primitive arrays: one stable
 * sort of the indices by value (a bottom-up merge sort on {@code long} keys that order as
 * {@link Double#compare} does), then one pass over the sorted order. No boxed pairs and
 * no search per value: the rank tests and Spearman's correlation of every pair use it.
 */
final class Ranks {

	/** Runs shorter than this are sorted by insertion before merging. */
	private static final int RUN = 32;

	private Ranks() {
	}

	/**
	 * @param x finite values
	 * @return the 1-based midrank of each value, in the values' order
	 */
	static double[] midranks(double[] x) {
		int n = x.length;
		long[] key = new long[n];
		for (int i = 0; i < n; i++) {
			key[i] = sortable(x[i]);
		}
		int[] order = order(key);
		double[] ranks = new double[n];
		for (int k = 0; k < n;) {
			long v = key[order[k]];
			int end = k + 1;
			while (end < n && key[order[end]] == v) {
				end++;
			}
			double rank = (k + 1 + end) / 2.0;
			for (int j = k; j < end; j++) {
				ranks[order[j]] = rank;
			}
			k = end;
		}
		return ranks;
	}

	/**
	 * A long that orders as {@link Double#compare} orders the doubles (-0.0 before 0.0,
	 * NaN last): the IEEE bits with the magnitude bits flipped for negative values.
	 */
	static long sortable(double v) {
		long bits = Double.doubleToLongBits(v);
		return bits ^ ((bits >> 63) & Long.MAX_VALUE);
	}

	/**
	 * @param key the sort keys
	 * @return the indices 0..n-1 in ascending order of their keys, equal keys in index
	 * order
	 */
	static int[] order(long[] key) {
		int n = key.length;
		// keys move with their indices, so that merging reads both arrays in sequence
		long[] ka = key.clone();
		int[] ia = new int[n];
		for (int i = 0; i < n; i++) {
			ia[i] = i;
		}
		for (int lo = 0; lo < n; lo += RUN) {
			insertionSort(ka, ia, lo, Math.min(lo + RUN, n));
		}
		long[] kb = new long[n];
		int[] ib = new int[n];
		for (int width = RUN; width < n; width *= 2) {
			for (int lo = 0; lo < n; lo += 2 * width) {
				merge(ka, ia, kb, ib, lo, Math.min(lo + width, n), Math.min(lo + 2 * width, n));
			}
			long[] kt = ka;
			ka = kb;
			kb = kt;
			int[] it = ia;
			ia = ib;
			ib = it;
		}
		return ia;
	}

	private static void insertionSort(long[] k, int[] idx, int lo, int hi) {
		for (int i = lo + 1; i < hi; i++) {
			long kv = k[i];
			int iv = idx[i];
			int j = i - 1;
			while (j >= lo && k[j] > kv) {
				k[j + 1] = k[j];
				idx[j + 1] = idx[j];
				j--;
			}
			k[j + 1] = kv;
			idx[j + 1] = iv;
		}
	}

	private static void merge(long[] k, int[] idx, long[] kOut, int[] idxOut, int lo, int mid, int hi) {
		int i = lo;
		int j = mid;
		int o = lo;
		while (i < mid && j < hi) {
			if (k[i] <= k[j]) {
				kOut[o] = k[i];
				idxOut[o++] = idx[i++];
			}
			else {
				kOut[o] = k[j];
				idxOut[o++] = idx[j++];
			}
		}
		System.arraycopy(k, i, kOut, o, mid - i);
		System.arraycopy(idx, i, idxOut, o, mid - i);
		o += mid - i;
		System.arraycopy(k, j, kOut, o, hi - j);
		System.arraycopy(idx, j, idxOut, o, hi - j);
	}

}

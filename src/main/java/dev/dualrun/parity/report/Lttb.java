package dev.dualrun.parity.report;

/**
 * Largest-Triangle-Three-Buckets downsampling (Steinarsson, 2013): keeps the first and
 * last points and, from each bucket between, the point that forms the largest triangle
 * with its neighbours, so peaks and dips survive. Only for drawing: tables keep every
 * exact value.
 */
public final class Lttb {

	private Lttb() {
	}

	/**
	 * @param x ascending x values
	 * @param y the y values (finite)
	 * @param threshold how many points to keep (at least 3)
	 * @return the indices of the kept points, ascending
	 */
	public static int[] downsample(double[] x, double[] y, int threshold) {
		int n = x.length;
		if (threshold >= n || threshold < 3) {
			int[] all = new int[n];
			for (int i = 0; i < n; i++) {
				all[i] = i;
			}
			return all;
		}
		int[] kept = new int[threshold];
		double every = (double) (n - 2) / (threshold - 2);
		int a = 0;
		kept[0] = 0;
		for (int i = 0; i < threshold - 2; i++) {
			int avgStart = (int) Math.floor((i + 1) * every) + 1;
			int avgEnd = Math.min((int) Math.floor((i + 2) * every) + 1, n);
			double avgX = 0;
			double avgY = 0;
			for (int j = avgStart; j < avgEnd; j++) {
				avgX += x[j];
				avgY += y[j];
			}
			int count = Math.max(1, avgEnd - avgStart);
			avgX /= count;
			avgY /= count;
			int rangeStart = (int) Math.floor(i * every) + 1;
			int rangeEnd = (int) Math.floor((i + 1) * every) + 1;
			double maxArea = -1;
			int next = rangeStart;
			for (int j = rangeStart; j < rangeEnd; j++) {
				double area = Math.abs((x[a] - avgX) * (y[j] - y[a]) - (x[a] - x[j]) * (avgY - y[a]));
				if (area > maxArea) {
					maxArea = area;
					next = j;
				}
			}
			kept[i + 1] = next;
			a = next;
		}
		kept[threshold - 1] = n - 1;
		return kept;
	}

}

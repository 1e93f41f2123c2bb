package dev.dualrun.parity.source;

import java.time.Duration;
import java.time.Instant;

/**
 * An aligned window of periods: buckets {@code start + k*period} for k = 0 .. count-1,
 * each covering {@code [T, T+period)}. {@code start} is inclusive, {@code end} exclusive,
 * and both are multiples of the period (semantics rule 2).
 *
 * @param start first bucket start, inclusive
 * @param end end of the last bucket, exclusive
 * @param period the period (CloudWatch Period, Prometheus step)
 */
public record QueryWindow(Instant start, Instant end, Duration period) {

	public QueryWindow {
		long p = period.toSeconds();
		if (p <= 0 || start.getEpochSecond() % p != 0 || end.getEpochSecond() % p != 0 || start.getNano() != 0
				|| end.getNano() != 0) {
			throw new IllegalArgumentException(
					"window " + start + " .. " + end + " is not aligned to the period " + period);
		}
		if (!end.isAfter(start)) {
			throw new IllegalArgumentException("window is empty: " + start + " .. " + end);
		}
	}

	/**
	 * The aligned window of rule 2 for a requested range.
	 * @param from requested start; rounded down to the period
	 * @param to requested end; the window ends at the last period boundary not after
	 * {@code min(to, now - settle)}
	 * @param now the current time
	 * @param settle how long recent data is left to settle
	 * @param period the period
	 * @return the aligned window
	 * @throws IllegalArgumentException if nothing of the range is old enough
	 */
	public static QueryWindow aligned(Instant from, Instant to, Instant now, Duration settle, Duration period) {
		long p = period.toSeconds();
		long start = Math.floorDiv(from.getEpochSecond(), p) * p;
		Instant settled = now.minus(settle);
		Instant until = to.isBefore(settled) ? to : settled;
		long end = Math.floorDiv(until.getEpochSecond(), p) * p;
		if (end <= start) {
			throw new IllegalArgumentException("window " + from + " .. " + to + " has no complete " + period.toSeconds()
					+ " s period older than the settle delay (" + settle.toMinutes() + " min before now)");
		}
		return new QueryWindow(Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), period);
	}

	/**
	 * @return the number of buckets
	 */
	public int count() {
		return (int) ((this.end.getEpochSecond() - this.start.getEpochSecond()) / this.period.toSeconds());
	}

	/**
	 * @param k bucket index
	 * @return the bucket's start
	 */
	public Instant bucket(int k) {
		return this.start.plusSeconds(k * this.period.toSeconds());
	}

	/**
	 * @param t an instant
	 * @return the index of the bucket starting exactly at t, or -1 if t is off the grid
	 * or outside the window
	 */
	public int indexOf(Instant t) {
		long offset = t.getEpochSecond() - this.start.getEpochSecond();
		long p = this.period.toSeconds();
		if (t.getNano() != 0 || offset < 0 || offset % p != 0 || offset / p >= count()) {
			return -1;
		}
		return (int) (offset / p);
	}

}

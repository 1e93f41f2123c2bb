package dev.dualrun.parity.alert;

import java.time.Duration;
import java.time.Instant;

/**
 * A time in alarm (CloudWatch's ALARM, Prometheus' firing): from the evaluation that
 * entered it to the one that left it.
 *
 * @param start the first evaluation in alarm
 * @param end the first evaluation out of alarm, or the window's end if still in alarm
 * @param ongoing true if still in alarm at the window's end
 */
public record Episode(Instant start, Instant end, boolean ongoing) {

	public Episode {
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("episode ends " + end + " before it starts " + start);
		}
	}

	/**
	 * @return how long it lasted
	 */
	public Duration duration() {
		return Duration.between(this.start, this.end);
	}

	/**
	 * @param other another episode
	 * @return how long both were in alarm at once
	 */
	public Duration overlap(Episode other) {
		Instant from = this.start.isAfter(other.start) ? this.start : other.start;
		Instant to = this.end.isBefore(other.end) ? this.end : other.end;
		return to.isAfter(from) ? Duration.between(from, to) : Duration.ZERO;
	}

}

package dev.dualrun.parity.config;

import java.time.LocalDate;

/**
 * An accepted difference: the pair counts as signed off until the waiver expires.
 *
 * @param pair the pair id
 * @param reason why the difference is accepted
 * @param owner who accepted it
 * @param expires the last day it holds (inclusive)
 * @param line its line in the waiver file
 */
public record Waiver(String pair, String reason, String owner, LocalDate expires, int line) {

	/**
	 * @param today the day of the sign-off
	 * @return true if the waiver no longer holds
	 */
	public boolean expired(LocalDate today) {
		return today.isAfter(this.expires);
	}

}

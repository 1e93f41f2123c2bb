package dev.dualrun.parity.compare;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.dualrun.parity.align.AlignedPair;

/**
 * The newest periods missing on one side while the other has data: data still arriving
 * when the first of them began at most an hour before the sides were read (the settle
 * rule), an outage from then on when longer. Told apart from a gap within the window,
 * which no waiting fills.
 */
final class WindowEndGap {

	/** Data missing for longer than this before the read is an outage, not late. */
	static final Duration LATE_AT_MOST = Duration.ofHours(1);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

	private WindowEndGap() {
	}

	/**
	 * @param pair the aligned pair
	 * @param gap a run of periods missing on one side
	 * @param onOld whether the old side is the one missing them
	 * @return whether the run reaches the window's end: that side has no data after it
	 */
	static boolean atEnd(AlignedPair pair, GapFinder.Gap gap, boolean onOld) {
		return (onOld ? pair.oldPresent() : pair.newPresent()).nextSetBit(gap.lastSlot() + 1) < 0;
	}

	/**
	 * @param pair the aligned pair
	 * @param onOld the runs missing on the old side ({@link GapFinder#missingOnOld})
	 * @param onNew the runs missing on the new side
	 * @param readAt when the sides were read, or null when not known
	 * @return the diagnosis of a gap at the window's end longer than a tolerated gap
	 */
	static Optional<Diagnosis> find(AlignedPair pair, List<GapFinder.Gap> onOld, List<GapFinder.Gap> onNew,
			Instant readAt) {
		Optional<Diagnosis> old = find(pair, onOld, true, readAt);
		return old.isPresent() ? old : find(pair, onNew, false, readAt);
	}

	private static Optional<Diagnosis> find(AlignedPair pair, List<GapFinder.Gap> gaps, boolean onOld, Instant readAt) {
		if (gaps.isEmpty()) {
			return Optional.empty();
		}
		GapFinder.Gap last = gaps.get(gaps.size() - 1);
		if (last.periods() <= PairComparator.MAX_TOLERATED_GAP || !atEnd(pair, last, onOld)) {
			return Optional.empty();
		}
		String missing = onOld ? pair.sides().oldName() : pair.sides().newName();
		String other = onOld ? pair.sides().newName() : pair.sides().oldName();
		long p = pair.window().period().toSeconds();
		Instant from = pair.window().bucket(last.firstSlot());
		String what = String.format(Locale.ROOT,
				"the newest %d periods are missing on the %s side (%s to %s UTC) " + "while %s has data",
				last.periods(), missing, TIME.format(from),
				TIME.format(pair.window().bucket(last.lastSlot()).plusSeconds(p)), other);
		return Optional.of(new Diagnosis(Diagnosis.Code.GAP_AT_END, what + why(pair, readAt, missing, from)));
	}

	private static String why(AlignedPair pair, Instant readAt, String missing, Instant from) {
		String wait = "data may still be arriving: judge again later, or raise --settle (the settle rule)";
		if (readAt == null) {
			return ": if the window ended shortly before the run, " + wait + "; otherwise the " + missing
					+ " side has had no data since " + TIME.format(from) + " UTC";
		}
		Duration age = Duration.between(from, readAt);
		if (age.compareTo(LATE_AT_MOST) <= 0) {
			return ", the first of them " + text(age) + " before they were read: " + wait;
		}
		return ", the first of them " + text(age) + " before they were read, too long for late data: the " + missing
				+ " side has had no data since " + TIME.format(from) + " UTC";
	}

	private static String text(Duration age) {
		long minutes = Math.max(0, age.toMinutes());
		return (minutes < 120) ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", minutes / 60.0);
	}

}

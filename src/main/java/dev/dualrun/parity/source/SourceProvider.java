package dev.dualrun.parity.source;

import java.util.List;

import dev.dualrun.parity.config.PairMapping;
import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.config.SettingsBinder;
import dev.dualrun.parity.config.Side;
import dev.dualrun.parity.config.SideReader;

/**
 * A kind of system a pair's side is read from, found by its type through {@link Sources}
 * ({@link java.util.ServiceLoader}): a new source is a new package with its provider plus
 * one line in {@code META-INF/services/dev.dualrun.parity.source.SourceProvider}.
 * <p>
 * This interface holds what every source has: its name and side, its block of the mapping
 * file, its settings and its series. What only some sources can do is a capability of its
 * own that callers ask for ({@link Sources#capability}): {@link Costed},
 * {@link Catalogued}, {@link Inventoried}, {@link DashboardPanels}, {@link Linked},
 * {@link Retained}, {@link QuotaShared}, {@link AlertReplay}, {@link Linted} and
 * {@link Configurable}.
 */
public interface SourceProvider {

	/**
	 * @return the type, as the mapping file names the side's block (e.g. a block key)
	 */
	default String type() {
		return reader().key();
	}

	/**
	 * @return the side this source plays
	 */
	default Side role() {
		return reader().side();
	}

	/**
	 * @return the system as the report names it
	 */
	String displayName();

	/**
	 * @return what to check when this side has no data for a pair
	 */
	String missingDataHint();

	/**
	 * @return how the source's block of the mapping file is read and validated, and the
	 * type its query is stored as
	 */
	SideReader reader();

	/**
	 * Binds the source's own settings (its own prefix).
	 * @param binder the settings
	 * @return its settings record, or null if it has none
	 */
	default Object settings(SettingsBinder binder) {
		return null;
	}

	/**
	 * Opens the source for a run: its client is made here and released when the source is
	 * closed.
	 * @param properties the settings
	 * @return the source
	 */
	MetricSource open(ParityProperties properties);

	/**
	 * @param properties the settings
	 * @return calls to this system in flight at once (its quota's share)
	 */
	default int concurrency(ParityProperties properties) {
		return 4;
	}

	/**
	 * The fewest calls this side needs for these pairs, stated before any data call and
	 * compared with the calls made.
	 * @param pairs pairs of one window
	 * @param window the window
	 * @return the minimum number of calls
	 */
	default long minimumCalls(List<PairMapping> pairs, QueryWindow window) {
		return pairs.size();
	}

	/**
	 * How this side's source groups pairs of one window into calls, so that a partition
	 * of a run holds whole calls.
	 * @param pairs pairs of one window, in plan order
	 * @param window the window
	 * @return the calls, each its pairs in order, together all the pairs in order; one
	 * pair a call by default
	 */
	default List<List<PairMapping>> calls(List<PairMapping> pairs, QueryWindow window) {
		return pairs.stream().map(List::of).toList();
	}

}

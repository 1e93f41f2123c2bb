package dev.dualrun.parity.cli;

import dev.dualrun.parity.config.ParityProperties;
import dev.dualrun.parity.store.ParityStore;

/**
 * What a command needs of the store: the store itself, the settings, and whether it is
 * the embedded H2. Commands that call no backend open it alone
 * ({@link StoreOnlySession}); the job's commands have it from their Spring application
 * ({@link ParityApplicationContext}).
 */
interface StoreSession extends AutoCloseable {

	ParityStore store();

	ParityProperties properties();

	/**
	 * @return true for the embedded H2 store: one process holds it at a time, so a run it
	 * shows RUNNING belongs to a process that no longer runs
	 */
	boolean embeddedStore();

	@Override
	void close();

}

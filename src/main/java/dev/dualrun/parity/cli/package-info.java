/**
 * The command line: parses flags (picocli), starts the Spring application for commands
 * that need the job or the store, prints one-line results and errors, and exits with a
 * code a cron job can use (see {@link dev.dualrun.parity.cli.ExitCodes}). The only
 * package that writes to standard output and the only one that imports {@code demo}.
 */
package dev.dualrun.parity.cli;

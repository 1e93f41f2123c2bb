package dev.dualrun.parity.cli;

import picocli.CommandLine.Option;

/**
 * Which inventory of the estate, and which exclusions, a command compares a mapping with.
 */
final class EstateOptions {

	@Option(names = "--exclusions", paramLabel = "FILE",
			description = "Old-side metrics left out on purpose (namespace, metric, dimensions, reason, owner, "
					+ "expires). Default: exclusions.yml next to the mapping")
	String exclusions;

	@Option(names = "--inventory", paramLabel = "N",
			description = "The inventory of the estate to compare with. Default: the latest")
	Long inventory;

}

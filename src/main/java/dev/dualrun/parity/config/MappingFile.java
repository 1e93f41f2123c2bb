package dev.dualrun.parity.config;

import java.util.List;
import java.util.Optional;

/**
 * A loaded and validated mapping file.
 *
 * @param source the file as the user named it
 * @param sha256 hex SHA-256 of the file's bytes, stored with each run
 * @param pairs the pairs in file order
 * @param alerts the alert pairs in file order
 */
public record MappingFile(String source, String sha256, List<PairMapping> pairs, List<AlertMapping> alerts) {

	public MappingFile {
		pairs = List.copyOf(pairs);
		alerts = List.copyOf(alerts);
	}

	/**
	 * @param id a pair id
	 * @return the pair with that id
	 */
	public Optional<PairMapping> pair(String id) {
		return this.pairs.stream().filter((p) -> p.id().equals(id)).findFirst();
	}

}

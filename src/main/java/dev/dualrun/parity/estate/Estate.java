package dev.dualrun.parity.estate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import dev.dualrun.parity.config.ConfigurationException;
import dev.dualrun.parity.config.Exclusion;
import dev.dualrun.parity.config.ExclusionLoader;
import dev.dualrun.parity.config.MappingFile;
import dev.dualrun.parity.store.InventoryRow;
import dev.dualrun.parity.store.ParityStore;

/** The estate's coverage from what the store holds. */
public final class Estate {

	private Estate() {
	}

	/**
	 * @param mapping the mapping file, as named
	 * @param exclusions the exclusions file, or null for {@code exclusions.yml} next to
	 * the mapping
	 * @return the exclusions (none when the file does not exist)
	 * @throws dev.dualrun.parity.config.MappingException if the file is malformed
	 */
	public static List<Exclusion> exclusions(String mapping, String exclusions) {
		Path file = (exclusions != null) ? Path.of(exclusions)
				: Path.of(mapping).toAbsolutePath().resolveSibling("exclusions.yml");
		return new ExclusionLoader().load(file);
	}

	/**
	 * The coverage a run's report shows: the latest inventory against the run's mapping
	 * file as it reads now, with the exclusions next to it.
	 * @param store the store
	 * @param mappingSource the mapping file, as the run names it
	 * @param today the day
	 * @return the coverage, or null when no inventory was taken or the mapping can no
	 * longer be read (a report is not refused for it)
	 */
	public static Coverage ofMappingFile(ParityStore store, String mappingSource, LocalDate today) {
		if (store.inventories().latest().isEmpty()) {
			return null;
		}
		try {
			MappingFile mapping = dev.dualrun.parity.source.Sources.mappingLoader().load(Path.of(mappingSource));
			return coverage(store, mapping, exclusions(mappingSource, null), null, today);
		}
		catch (RuntimeException ex) {
			org.slf4j.LoggerFactory.getLogger(Estate.class)
				.warn("the estate's coverage is left out of the report of {}: {}", mappingSource, ex.getMessage());
			return null;
		}
	}

	/**
	 * @param store the store
	 * @param inventoryId an inventory, or null for the latest
	 * @return that inventory, or null when the store holds none
	 * @throws ConfigurationException if the inventory asked for does not exist
	 */
	public static InventoryRow inventory(ParityStore store, Long inventoryId) {
		return (inventoryId != null)
				? store.inventories()
					.byId(inventoryId)
					.orElseThrow(() -> new ConfigurationException("no inventory " + inventoryId + " in the store"))
				: store.inventories().latest().orElse(null);
	}

	/**
	 * @param store the store
	 * @param mapping the mapping
	 * @param exclusions the exclusions
	 * @param inventoryId an inventory, or null for the latest
	 * @param today the day
	 * @return the coverage, or null when the store holds no inventory
	 * @throws ConfigurationException if the inventory asked for does not exist
	 */
	public static Coverage coverage(ParityStore store, MappingFile mapping, List<Exclusion> exclusions,
			Long inventoryId, LocalDate today) {
		InventoryRow row = inventory(store, inventoryId);
		if (row == null) {
			return null;
		}
		return Coverage.of(row.id(), row.takenAt(), row.oldSystem(), store.inventoryItems(row.id()), mapping.pairs(),
				exclusions, today);
	}

}

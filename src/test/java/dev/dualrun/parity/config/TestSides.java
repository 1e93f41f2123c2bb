package dev.dualrun.parity.config;

import java.util.List;

/**
 * Two sources of the loader's tests, known to no registry: an old side ({@code old:
 * {name: N}}) and a new side ({@code new: {query: Q}}), so that the loader is tested on
 * its own terms. Each source's own block is tested with its source.
 */
final class TestSides {

	/** An old side's query. */
	record OldName(String name) implements SideQuery {

		@Override
		public String type() {
			return "old";
		}

		@Override
		public String describe() {
			return this.name;
		}

		@Override
		public StatisticKind kind() {
			return StatisticKind.SUM;
		}

	}

	/** A new side's query. */
	record NewQuery(String query) implements SideQuery {

		@Override
		public String type() {
			return "new";
		}

		@Override
		public String describe() {
			return this.query;
		}

	}

	private record Block(String name, String query) {

	}

	private record Reader(String key, Side side) implements SideReader {

		@Override
		public Class<? extends SideQuery> queryType() {
			return (this.side == Side.OLD) ? OldName.class : NewQuery.class;
		}

		@Override
		public SideQuery readPair(MappingBlock block) {
			Block raw = block.bind(Block.class);
			return (this.side == Side.OLD) ? new OldName(block.required(raw.name(), "name"))
					: new NewQuery(block.required(raw.query(), "query").replace("${period}", block.periodText()));
		}

		@Override
		public String alertExample() {
			return this.key + ": {name: NAME}";
		}

		@Override
		public AlertMapping.Ref readAlert(MappingBlock block) {
			return new AlertMapping.Ref(this.key, block.required(block.bind(Block.class).name(), "name"), null);
		}

	}

	/** Both sides' readers. */
	static final List<SideReader> READERS = List.of(new Reader("old", Side.OLD), new Reader("new", Side.NEW));

	private TestSides() {
	}

}

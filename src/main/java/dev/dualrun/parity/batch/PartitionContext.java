package dev.dualrun.parity.batch;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import dev.dualrun.parity.run.Partition;

/**
 * A partition's keys in its step execution's context: only these travel to a worker; the
 * pairs themselves are read from the shared store.
 */
final class PartitionContext {

	private static final String TYPE = "parity.partition.type";

	private static final String SCOPE = "parity.partition.scope";

	private static final String FIRST = "parity.partition.first";

	private static final String LAST = "parity.partition.last";

	private static final String SHARE = "parity.partition.share";

	private PartitionContext() {
	}

	static ExecutionContext of(Partition partition) {
		ExecutionContext context = new ExecutionContext();
		context.putString(TYPE, partition.type());
		context.putString(SCOPE, partition.scope());
		context.putInt(FIRST, partition.first());
		context.putInt(LAST, partition.last());
		context.putDouble(SHARE, partition.share());
		return context;
	}

	/**
	 * @param context a step execution's context
	 * @return its partition, or null when the step works on the whole run
	 */
	static Partition partition(ExecutionContext context) {
		if (context == null || !context.containsKey(SCOPE)) {
			return null;
		}
		return new Partition(context.getString(TYPE), context.getString(SCOPE), context.getInt(FIRST),
				context.getInt(LAST), context.getDouble(SHARE));
	}

}

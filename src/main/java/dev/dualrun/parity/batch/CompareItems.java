package dev.dualrun.parity.batch;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.dualrun.parity.run.JudgedPair;
import dev.dualrun.parity.run.PairComparison;
import dev.dualrun.parity.store.ParityStore;

/**
 * The reader and writer of step {@code compare}: the pairs not judged yet, fetched from
 * the new side and judged ahead of the step by {@link PairComparison}
 * ({@link ReadAhead}); each chunk writes its judgements, their discrepancies and the new
 * side's answers, and the step's record of its backends, in the chunk's transaction.
 */
class CompareItems implements ItemStreamReader<JudgedPair>, ItemWriter<JudgedPair> {

	private final ParityStore store;

	private final PairComparison comparison;

	private final long stepExecutionId;

	private final ReadAhead<?, JudgedPair> pairs;

	CompareItems(ParityStore store, PairComparison comparison, long runId, long stepExecutionId) {
		this.store = store;
		this.comparison = comparison;
		this.stepExecutionId = stepExecutionId;
		this.pairs = new ReadAhead<>("compare-" + runId, comparison::pairs, comparison::judge, comparison.concurrency(),
				comparison::close);
	}

	@Override
	public void open(ExecutionContext context) {
		this.pairs.open(context);
	}

	@Override
	public JudgedPair read() throws Exception {
		return this.pairs.read();
	}

	@Override
	public void write(Chunk<? extends JudgedPair> chunk) {
		this.store.saveResults(chunk.getItems().stream().map(JudgedPair::result).toList(),
				chunk.getItems().stream().flatMap((j) -> j.discrepancies().stream()).toList(),
				chunk.getItems().stream().flatMap((j) -> j.evidence().stream()).toList());
		this.store.saveBackends(this.comparison.backends(this.stepExecutionId));
	}

	@Override
	public void close() {
		this.pairs.close();
	}

}

package dev.dualrun.parity.batch;

import java.util.Iterator;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.dualrun.parity.run.Recheck;
import dev.dualrun.parity.store.ParityStore;

/**
 * The reader and writer of step {@code recheck}: the pause and the second reads of
 * {@link Recheck} happen when the step opens the reader, before any chunk, so they hold
 * no transaction; each chunk writes the settled pairs with their second reads and the
 * step's record of its backends in the chunk's transaction.
 */
class RecheckItems implements ItemStreamReader<Recheck.Settled>, ItemWriter<Recheck.Settled> {

	private final ParityStore store;

	private final Recheck recheck;

	private final long stepExecutionId;

	private Iterator<Recheck.Settled> settled;

	RecheckItems(ParityStore store, Recheck recheck, long stepExecutionId) {
		this.store = store;
		this.recheck = recheck;
		this.stepExecutionId = stepExecutionId;
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.settled != null) {
			return;
		}
		try {
			this.settled = this.recheck.reread().iterator();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new ItemStreamException("interrupted in the settle rule's pause", ex);
		}
	}

	@Override
	public Recheck.Settled read() {
		return this.settled.hasNext() ? this.settled.next() : null;
	}

	@Override
	public void write(Chunk<? extends Recheck.Settled> chunk) {
		this.store.saveEvidence(chunk.getItems().stream().flatMap((s) -> s.again().stream()).toList());
		this.store.saveResults(chunk.getItems().stream().map((s) -> s.pair().result()).toList(),
				chunk.getItems().stream().flatMap((s) -> s.pair().discrepancies().stream()).toList(),
				java.util.List.of());
		this.store.saveBackends(this.recheck.backends(this.stepExecutionId));
		this.store.runs().settleRecheck(this.recheck.runId(), (int) this.recheck.pause().toSeconds());
	}

	@Override
	public void close() {
		this.recheck.close();
	}

}

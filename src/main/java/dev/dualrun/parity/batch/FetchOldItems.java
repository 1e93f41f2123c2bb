package dev.dualrun.parity.batch;

import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.dualrun.parity.run.OldSideFetch;
import dev.dualrun.parity.store.EvidenceRow;
import dev.dualrun.parity.store.ParityStore;

/**
 * The reader and writer of step {@code fetch-old}: the calls of {@link OldSideFetch} made
 * ahead of the step ({@link ReadAhead}), as many at a time as the old systems allow, each
 * call's answers an item; each chunk writes its answers and the step's record of its
 * backends in the chunk's transaction.
 */
class FetchOldItems implements ItemStreamReader<List<EvidenceRow>>, ItemWriter<List<EvidenceRow>> {

	private final ParityStore store;

	private final OldSideFetch fetch;

	private final long stepExecutionId;

	private final ReadAhead<?, List<EvidenceRow>> calls;

	FetchOldItems(ParityStore store, OldSideFetch fetch, long runId, long stepExecutionId) {
		this.store = store;
		this.fetch = fetch;
		this.stepExecutionId = stepExecutionId;
		this.calls = new ReadAhead<>("old-" + runId, fetch::calls, fetch::fetch, fetch.concurrency(), fetch::close);
	}

	@Override
	public void open(ExecutionContext context) {
		this.calls.open(context);
	}

	@Override
	public List<EvidenceRow> read() throws Exception {
		return this.calls.read();
	}

	@Override
	public void write(Chunk<? extends List<EvidenceRow>> chunk) {
		this.store.saveEvidence(chunk.getItems().stream().flatMap(List::stream).toList());
		this.store.saveBackends(this.fetch.backends(this.stepExecutionId));
	}

	@Override
	public void close() {
		this.calls.close();
	}

}

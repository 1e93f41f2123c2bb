package dev.dualrun.parity.batch;

import java.util.Iterator;
import java.util.List;

import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemWriter;

import dev.dualrun.parity.run.AlertJudging;
import dev.dualrun.parity.store.AlertResultRow;
import dev.dualrun.parity.store.ParityStore;
import dev.dualrun.parity.store.RunAlertRow;

/**
 * The reader, processor and writer of step {@code alerts}: the alert pairs not judged
 * yet, each judged by {@link AlertJudging}, the judgements written in the chunk's
 * transaction; the alert sources are closed with the reader.
 */
class AlertItems implements ItemStreamReader<RunAlertRow>, ItemProcessor<RunAlertRow, AlertResultRow>,
		ItemWriter<AlertResultRow> {

	private final ParityStore store;

	private final AlertJudging judging;

	private final long runId;

	private Iterator<RunAlertRow> unjudged;

	AlertItems(ParityStore store, AlertJudging judging, long runId) {
		this.store = store;
		this.judging = judging;
		this.runId = runId;
	}

	@Override
	public void open(ExecutionContext context) {
		if (this.unjudged == null) {
			this.unjudged = this.store.alerts().unjudged(this.runId).iterator();
		}
	}

	@Override
	public RunAlertRow read() {
		return this.unjudged.hasNext() ? this.unjudged.next() : null;
	}

	@Override
	public AlertResultRow process(RunAlertRow row) {
		return this.judging.judge(row);
	}

	@Override
	public void write(Chunk<? extends AlertResultRow> chunk) {
		this.store.saveAlertResults(List.copyOf(chunk.getItems()));
	}

	@Override
	public void close() {
		this.judging.close();
	}

}

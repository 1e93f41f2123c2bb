package dev.dualrun.parity.batch;

import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * A reader that works ahead of its step: it takes the step's work items when opened and
 * runs the work (a backend call, a judgement) on its own threads, {@code concurrency} at
 * a time and twice that many queued, handing results to the step in the order they
 * complete. The step's chunks write and commit while the next calls are already on their
 * way, so the backend, not the commit, sets the pace; a kill loses at most the results
 * not yet written, which a restart asks for again.
 *
 * @param <I> a work item
 * @param <O> its result
 */
final class ReadAhead<I, O> implements ItemStreamReader<O> {

	private final String name;

	private final Supplier<List<I>> items;

	private final Function<I, O> work;

	private final int concurrency;

	private final Runnable onClose;

	private ExecutorService executor;

	private CompletionService<O> completed;

	private Iterator<I> pending;

	private int inFlight;

	/**
	 * @param name the threads' name
	 * @param items the work, read when the step opens the reader
	 * @param work what to do with one item, on a worker thread
	 * @param concurrency items worked on at once
	 * @param onClose run when the step closes the reader (to record calls, close a
	 * client)
	 */
	ReadAhead(String name, Supplier<List<I>> items, Function<I, O> work, int concurrency, Runnable onClose) {
		this.name = name;
		this.items = items;
		this.work = work;
		this.concurrency = concurrency;
		this.onClose = onClose;
	}

	/**
	 * Starts the work. The step may open a reader that is also its stream twice: the
	 * second call does nothing.
	 */
	@Override
	public void open(ExecutionContext context) {
		if (this.executor != null) {
			return;
		}
		this.executor = Executors.newFixedThreadPool(this.concurrency, (r) -> {
			Thread t = new Thread(r, this.name);
			t.setDaemon(true);
			return t;
		});
		this.completed = new ExecutorCompletionService<>(this.executor);
		this.pending = this.items.get().iterator();
		this.inFlight = 0;
		for (int i = 0; i < 2 * this.concurrency && this.pending.hasNext(); i++) {
			submit();
		}
	}

	private void submit() {
		I item = this.pending.next();
		this.completed.submit(() -> this.work.apply(item));
		this.inFlight++;
	}

	@Override
	public O read() throws InterruptedException, ExecutionException {
		if (this.inFlight == 0) {
			return null;
		}
		O result = this.completed.take().get();
		this.inFlight--;
		if (this.pending.hasNext()) {
			submit();
		}
		return result;
	}

	/** Stops the work and runs the closing action, once however often it is called. */
	@Override
	public void close() {
		if (this.executor == null) {
			return;
		}
		this.executor.shutdownNow();
		this.executor = null;
		this.onClose.run();
	}

}

package dev.dualrun.parity.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Attaches to runs what each read of each side (their {@code run_backend} rows), read for
 * 500 runs at a time.
 */
final class RunBackends {

	/** Runs whose backends one query reads at most. */
	private static final int CHUNK = 500;

	private RunBackends() {
	}

	/**
	 * @param dao the runs
	 * @param rows runs read
	 * @return them with their backends, in the same order
	 */
	static List<RunRow> attach(RunDao dao, List<RunRow> rows) {
		if (rows.isEmpty()) {
			return rows;
		}
		Map<Long, List<BackendRow>> byRun = new HashMap<>();
		for (List<RunRow> chunk : chunks(rows)) {
			dao.backends(chunk.stream().map(RunRow::id).toList())
				.forEach((b) -> byRun.computeIfAbsent(b.runId(), (k) -> new ArrayList<>()).add(b));
		}
		return rows.stream().map((r) -> r.withBackends(byRun.getOrDefault(r.id(), List.of()))).toList();
	}

	private static List<List<RunRow>> chunks(List<RunRow> rows) {
		List<List<RunRow>> out = new ArrayList<>();
		for (int i = 0; i < rows.size(); i += CHUNK) {
			out.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
		}
		return out;
	}

}

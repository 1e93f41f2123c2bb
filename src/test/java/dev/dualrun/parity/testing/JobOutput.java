package dev.dualrun.parity.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a job in a child JVM printed, read to its end: each step's time (from the
 * {@code step X COMPLETED in N ms} lines) and the lines but the one a pair gets.
 *
 * @param steps step name to milliseconds, in the order the steps ended
 * @param lines the lines printed, without the pairs' own
 */
public record JobOutput(Map<String, Long> steps, List<String> lines) {

	private static final Pattern STEP = Pattern.compile("step (\\S+) COMPLETED in (\\d+) ms");

	/**
	 * @param job a child process whose output is piped
	 * @return its output, read until the process closes it
	 * @throws IOException if it cannot be read
	 */
	public static JobOutput read(Process job) throws IOException {
		Map<String, Long> steps = new LinkedHashMap<>();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(job.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				Matcher m = STEP.matcher(line);
				if (m.find()) {
					steps.put(m.group(1), Long.parseLong(m.group(2)));
				}
				if (!line.contains("ComparePairProcessor: pair ")) {
					lines.add(line);
				}
			}
		}
		return new JobOutput(steps, lines);
	}

}

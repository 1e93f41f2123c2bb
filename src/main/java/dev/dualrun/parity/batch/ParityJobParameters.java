package dev.dualrun.parity.batch;

import java.time.Instant;
import java.util.List;

import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;

/**
 * The job's parameters, converted once into typed values.
 *
 * @param mapping the mapping file path
 * @param from requested window start, or null for the default (last complete 24 hours)
 * @param to requested window end, or null
 * @param pairs pair ids to run, empty for all
 * @param requestedAt when the run was requested; makes each invocation a new job instance
 */
public record ParityJobParameters(String mapping, Instant from, Instant to, List<String> pairs, Instant requestedAt) {

	/** The job's name in the job repository. */
	public static final String JOB_NAME = "parity";

	static final String MAPPING = "mapping";

	static final String FROM = "from";

	static final String TO = "to";

	static final String PAIRS = "pairs";

	static final String REQUESTED_AT = "requested-at";

	/**
	 * @return the Spring Batch parameters
	 */
	public JobParameters toJobParameters() {
		JobParametersBuilder b = new JobParametersBuilder().addString(MAPPING, this.mapping)
			.addString(REQUESTED_AT, this.requestedAt.toString());
		if (this.from != null) {
			b.addString(FROM, this.from.toString());
		}
		if (this.to != null) {
			b.addString(TO, this.to.toString());
		}
		if (!this.pairs.isEmpty()) {
			b.addString(PAIRS, String.join(",", this.pairs));
		}
		return b.toJobParameters();
	}

	static ParityJobParameters of(JobParameters p) {
		String pairs = p.getString(PAIRS);
		return new ParityJobParameters(p.getString(MAPPING), instant(p.getString(FROM)), instant(p.getString(TO)),
				(pairs == null || pairs.isBlank()) ? List.of() : List.of(pairs.split(",")),
				instant(p.getString(REQUESTED_AT)));
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

}

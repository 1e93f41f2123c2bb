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
 * @param resumeRun a completed run whose ERROR pairs this job judges again, or null for a
 * new run
 */
public record ParityJobParameters(String mapping, Instant from, Instant to, List<String> pairs, Instant requestedAt,
		Long resumeRun) {

	/**
	 * A new run.
	 * @param mapping the mapping file path
	 * @param from requested window start, or null
	 * @param to requested window end, or null
	 * @param pairs pair ids to run, empty for all
	 * @param requestedAt when the run was requested
	 */
	public ParityJobParameters(String mapping, Instant from, Instant to, List<String> pairs, Instant requestedAt) {
		this(mapping, from, to, pairs, requestedAt, null);
	}

	/**
	 * @param runId the completed run to resume
	 * @param at when the resumption was requested
	 * @return the parameters of a job that judges the run's ERROR pairs again
	 */
	public ParityJobParameters resuming(long runId, Instant at) {
		return new ParityJobParameters(this.mapping, this.from, this.to, this.pairs, at, runId);
	}

	/** The job's name in the job repository. */
	public static final String JOB_NAME = "parity";

	static final String MAPPING = "mapping";

	static final String FROM = "from";

	static final String TO = "to";

	static final String PAIRS = "pairs";

	static final String REQUESTED_AT = "requested-at";

	static final String RESUME_RUN = "resume-run";

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
		if (this.resumeRun != null) {
			b.addString(RESUME_RUN, this.resumeRun.toString());
		}
		return b.toJobParameters();
	}

	/**
	 * @param p the Spring Batch parameters of a job execution
	 * @return them, typed
	 */
	public static ParityJobParameters of(JobParameters p) {
		String pairs = p.getString(PAIRS);
		String resume = p.getString(RESUME_RUN);
		return new ParityJobParameters(p.getString(MAPPING), instant(p.getString(FROM)), instant(p.getString(TO)),
				(pairs == null || pairs.isBlank()) ? List.of() : List.of(pairs.split(",")),
				instant(p.getString(REQUESTED_AT)), (resume != null) ? Long.valueOf(resume) : null);
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

}

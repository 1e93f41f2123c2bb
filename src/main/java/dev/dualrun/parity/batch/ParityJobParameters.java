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
 * @param partitioning how remote workers share the pairs, or null when this process
 * fetches and judges them; kept with the job, so that its restarts find the same
 * partitions
 */
public record ParityJobParameters(String mapping, Instant from, Instant to, List<String> pairs, Instant requestedAt,
		Long resumeRun, Partitioning partitioning) {

	/**
	 * A new run.
	 * @param mapping the mapping file path
	 * @param from requested window start, or null
	 * @param to requested window end, or null
	 * @param pairs pair ids to run, empty for all
	 * @param requestedAt when the run was requested
	 */
	public ParityJobParameters(String mapping, Instant from, Instant to, List<String> pairs, Instant requestedAt) {
		this(mapping, from, to, pairs, requestedAt, null, null);
	}

	/**
	 * @param partitioning how remote workers share the pairs
	 * @return these parameters for a run whose pairs remote workers fetch and judge
	 */
	public ParityJobParameters remotely(Partitioning partitioning) {
		return new ParityJobParameters(this.mapping, this.from, this.to, this.pairs, this.requestedAt, this.resumeRun,
				partitioning);
	}

	/**
	 * @return whether remote workers fetch and judge the pairs
	 */
	public boolean remote() {
		return this.partitioning != null;
	}

	/**
	 * How a run's pairs are partitioned for remote workers.
	 *
	 * @param workers the worker processes expected at once
	 * @param partitionSize pairs of one partition at most
	 */
	public record Partitioning(int workers, int partitionSize) {

	}

	/**
	 * @param runId the completed run to resume
	 * @param at when the resumption was requested
	 * @return the parameters of a job that judges the run's ERROR pairs again
	 */
	/**
	 * @return what the run was asked for
	 */
	public dev.dualrun.parity.run.RunRequest request() {
		return new dev.dualrun.parity.run.RunRequest(this.mapping, this.from, this.to, this.pairs);
	}

	public ParityJobParameters resuming(long runId, Instant at) {
		return new ParityJobParameters(this.mapping, this.from, this.to, this.pairs, at, runId, this.partitioning);
	}

	/** The job's name in the job repository. */
	public static final String JOB_NAME = "parity";

	static final String MAPPING = "mapping";

	static final String FROM = "from";

	static final String TO = "to";

	static final String PAIRS = "pairs";

	static final String REQUESTED_AT = "requested-at";

	static final String RESUME_RUN = "resume-run";

	static final String PARTITIONED = "partitioned";

	static final String WORKERS = "partition-workers";

	static final String PARTITION_SIZE = "partition-size";

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
		if (this.partitioning != null) {
			b.addString(PARTITIONED, "remote", false);
			b.addLong(WORKERS, (long) this.partitioning.workers(), false);
			b.addLong(PARTITION_SIZE, (long) this.partitioning.partitionSize(), false);
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
				instant(p.getString(REQUESTED_AT)), (resume != null) ? Long.valueOf(resume) : null,
				"remote".equals(p.getString(PARTITIONED))
						? new Partitioning(p.getLong(WORKERS).intValue(), p.getLong(PARTITION_SIZE).intValue()) : null);
	}

	private static Instant instant(String text) {
		return (text != null) ? Instant.parse(text) : null;
	}

}

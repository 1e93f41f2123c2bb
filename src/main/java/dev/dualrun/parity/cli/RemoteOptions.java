package dev.dualrun.parity.cli;

import java.util.List;

import picocli.CommandLine.Option;

/** The broker that carries partitions from a manager to its workers. */
final class RemoteOptions {

	@Option(names = "--broker", paramLabel = "AMQP_URL",
			description = "RabbitMQ for remote partitioning, e.g. amqp://user:password@mq:5672 (better: "
					+ "PARITY_REMOTE_BROKER, which keeps the password out of the process list). "
					+ "Default: parity.remote.broker")
	String broker;

	@Option(names = "--queue", paramLabel = "NAME",
			description = "The queue of partition requests, shared by a team's managers and workers. "
					+ "Default: parity.partitions")
	String queue;

	void addTo(List<String> args) {
		if (this.broker != null) {
			args.add("--parity.remote.broker=" + this.broker);
		}
		if (this.queue != null) {
			args.add("--parity.remote.queue=" + this.queue);
		}
	}

}

package dev.dualrun.parity.config;

import java.net.URI;
import java.time.Duration;

/**
 * Remote partitioning ({@code parity.remote.*}): a manager ({@code run --remote}) splits
 * a run's pairs into partitions and sends one request per partition through a RabbitMQ
 * queue; worker processes ({@code worker}) take them one at a time, fetch, judge and
 * store their pairs in the shared store, where the manager sees them finish.
 *
 * @param broker the RabbitMQ broker, e.g. {@code amqp://user:password@mq:5672/vhost}
 * (environment: {@code PARITY_REMOTE_BROKER}); null when the process takes no part
 * @param queue the queue of partition requests (default {@code parity.partitions}); a
 * team's managers and workers share it
 * @param workers the worker processes expected at once: each partition of a quota gets
 * {@code 1/min(partitions of that quota, workers)} of its rate (default 2)
 * @param partitionSize pairs of one partition at most (default 500)
 * @param poll how often the manager reads the store for finished partitions (default 2 s)
 * @param timeout how long the manager waits for all partitions before the step fails
 * (default 6 h); a restart then re-runs the unfinished ones
 * @param worker whether this process consumes partition requests (the {@code worker}
 * command)
 */
public record RemoteProperties(String broker, String queue, Integer workers, Integer partitionSize, Duration poll,
		Duration timeout, Boolean worker) {

	public RemoteProperties {
		broker = (broker != null && !broker.isBlank()) ? broker.strip() : null;
		queue = (queue != null && !queue.isBlank()) ? queue.strip() : "parity.partitions";
		workers = (workers != null) ? workers : 2;
		partitionSize = (partitionSize != null) ? partitionSize : 500;
		poll = (poll != null && !poll.isZero() && !poll.isNegative()) ? poll : Duration.ofSeconds(2);
		timeout = (timeout != null && !timeout.isZero() && !timeout.isNegative()) ? timeout : Duration.ofHours(6);
		worker = (worker != null) ? worker : false;
		if (workers < 1) {
			throw new ConfigurationException("parity.remote.workers: " + workers + " (give 1 or more)");
		}
		if (partitionSize < 1) {
			throw new ConfigurationException("parity.remote.partition-size: " + partitionSize + " (give 1 or more)");
		}
		if (broker != null) {
			URI uri;
			try {
				uri = URI.create(broker);
			}
			catch (IllegalArgumentException ex) {
				throw new ConfigurationException("parity.remote.broker: not a URL (" + Text.oneLine(ex.getMessage())
						+ "); give amqp://user:password@host:5672");
			}
			if (!"amqp".equals(uri.getScheme()) && !"amqps".equals(uri.getScheme()) || uri.getHost() == null) {
				throw new ConfigurationException("parity.remote.broker: '" + Text.oneLine(withoutPassword(broker))
						+ "' is not an amqp:// or amqps:// URL with a host, e.g. amqp://user:password@host:5672");
			}
		}
	}

	/**
	 * @return the broker's URL without its password, for messages
	 */
	public String brokerForDisplay() {
		return (this.broker != null) ? withoutPassword(this.broker) : null;
	}

	private static String withoutPassword(String url) {
		return url.replaceAll("(//[^:/@]+):[^@/]*@", "$1:***@");
	}

}

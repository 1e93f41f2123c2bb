package dev.dualrun.parity.batch;

import org.springframework.amqp.AmqpException;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.connection.Connection;

import dev.dualrun.parity.config.RemoteProperties;
import dev.dualrun.parity.config.Text;
import dev.dualrun.parity.source.SourceException;

/** The broker of remote partitioning, as a process reaches it. */
public final class RemoteBroker {

	private final CachingConnectionFactory connections;

	private final RemoteProperties properties;

	private final Runnable consumer;

	RemoteBroker(CachingConnectionFactory connections, RemoteProperties properties, Runnable consumer) {
		this.connections = connections;
		this.properties = properties;
		this.consumer = consumer;
	}

	/**
	 * A worker starts taking partition requests from the queue.
	 * @throws IllegalStateException if this process is no worker
	 * ({@code parity.remote.worker})
	 */
	public void startConsuming() {
		if (!this.properties.worker()) {
			throw new IllegalStateException("not a worker: parity.remote.worker is false");
		}
		this.consumer.run();
	}

	/**
	 * @return the settings of remote partitioning
	 */
	public RemoteProperties properties() {
		return this.properties;
	}

	/**
	 * Opens a connection to the broker.
	 * @throws SourceException naming the broker and the cause, in one line, if it cannot
	 * be reached or refuses the login
	 */
	public void check() {
		try (Connection connection = this.connections.createConnection()) {
			// reached
		}
		catch (AmqpException ex) {
			Throwable cause = ex;
			while (cause.getCause() != null && cause.getCause() != cause) {
				cause = cause.getCause();
			}
			String why = (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
			boolean login = ex instanceof org.springframework.amqp.AmqpAuthenticationException;
			throw new SourceException(
					"broker " + this.properties.brokerForDisplay() + (login ? " refused the login: " : " unreachable: ")
							+ Text.oneLine(why) + " (parity.remote.broker)",
					!login, ex);
		}
	}

	/**
	 * @return where partition requests go, for messages
	 */
	public String describe() {
		return "queue '" + this.properties.queue() + "' of " + this.properties.brokerForDisplay();
	}

}

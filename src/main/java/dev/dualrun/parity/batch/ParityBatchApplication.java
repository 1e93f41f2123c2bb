package dev.dualrun.parity.batch;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot application the CLI starts for commands that need the job or the store.
 * Boot's batch auto-configuration provides the JDBC job repository and the job operator;
 * jobs are launched by the CLI, never at startup.
 */
@SpringBootApplication
public class ParityBatchApplication {

}

package dev.rekey.common;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warns at start-up when the database pool is too small for the request threads.
 *
 * <p>Some work must commit on its own, whatever happens to the request's transaction: a counted
 * throttle hit (a rollback must never undo it) and Spring Session's writes. Both take a second
 * connection while the request's transaction still holds its first. If every pooled connection is
 * held by a request waiting for its second one, none is ever returned: the node stalls until the
 * pool's timeout and then fails the requests. The load benchmark found exactly that (issue 7: 16
 * request threads on a pool of 10 stopped for a minute under 64 clients). It cannot happen while
 * the pool has at least one connection more than the request threads and background jobs can hold
 * at once, which the defaults ensure (16 threads, 24 connections).
 */
@Component
class ConnectionBudget {

  private static final Logger log = LoggerFactory.getLogger(ConnectionBudget.class);

  /** Scheduled jobs, the CSV import worker and Spring Session's clean-up, with a margin. */
  static final int BACKGROUND = 3;

  private final Environment environment;

  ConnectionBudget(Environment environment) {
    this.environment = environment;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    Integer pool =
        environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class);
    Integer threads = environment.getProperty("server.tomcat.threads.max", Integer.class);
    String problem = problem(threads == null ? 200 : threads, pool == null ? 10 : pool);
    if (problem != null) {
      log.warn(problem);
    }
  }

  /** What is wrong with these sizes, or null when the pool cannot run dry of second connections. */
  static String problem(int threads, int pool) {
    int needed = threads + BACKGROUND + 1;
    if (pool >= needed) {
      return null;
    }
    return "The database pool (spring.datasource.hikari.maximum-pool-size="
        + pool
        + ") is smaller than the request threads (server.tomcat.threads.max="
        + threads
        + ") plus background jobs need: under load every connection can end up held by a request"
        + " waiting for a second one, and the node stalls. Use a pool of at least "
        + needed
        + " or fewer threads (docs/operations.md).";
  }
}

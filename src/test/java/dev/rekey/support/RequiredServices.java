package dev.rekey.support;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs tests that need PostgreSQL, Chromium or OpenLDAP's slapd when these are available, skips
 * them on a laptop without them, and never skips them under CI ({@code CI=true}): there a missing
 * service fails.
 */
public final class RequiredServices {

  private RequiredServices() {}

  public static boolean ci() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  static boolean reachable(String host, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 1000);
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  /** PostgreSQL, when this run targets it. */
  public static final class Database implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (!TestDatabase.postgres() || ci()) {
        return ConditionEvaluationResult.enabled("H2, or PostgreSQL required under CI");
      }
      return reachable(TestDatabase.PG_HOST, Integer.parseInt(TestDatabase.PG_PORT))
          ? ConditionEvaluationResult.enabled("PostgreSQL is reachable")
          : ConditionEvaluationResult.disabled(
              "PostgreSQL is not reachable (required when CI=true)");
    }
  }

  /**
   * Where the Redis tests find Redis ({@code REKEY_TEST_REDIS_URL}; db 0 on localhost by default).
   */
  public static final String REDIS_URL =
      System.getenv().getOrDefault("REKEY_TEST_REDIS_URL", "redis://127.0.0.1:6379");

  /**
   * The two-node cluster tests ({@code dev.rekey.cluster}): real nodes on one PostgreSQL database.
   * They are no {@code database}-tagged tests, so they run once, in the default execution, and need
   * PostgreSQL there.
   */
  public static final class Cluster implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (TestDatabase.postgres()) {
        return ConditionEvaluationResult.disabled("cluster tests run once, in the H2 execution");
      }
      if (ci()) {
        return ConditionEvaluationResult.enabled("PostgreSQL required under CI");
      }
      return reachable(TestDatabase.PG_HOST, Integer.parseInt(TestDatabase.PG_PORT))
          ? ConditionEvaluationResult.enabled("PostgreSQL is reachable")
          : ConditionEvaluationResult.disabled(
              "PostgreSQL is not reachable (required when CI=true)");
    }
  }

  /** Redis, for the tests of the optional Redis throttle storage. */
  public static final class Redis implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (ci()) {
        return ConditionEvaluationResult.enabled("Redis required under CI");
      }
      java.net.URI uri = java.net.URI.create(REDIS_URL);
      return reachable(uri.getHost(), uri.getPort() < 0 ? 6379 : uri.getPort())
          ? ConditionEvaluationResult.enabled("Redis is reachable")
          : ConditionEvaluationResult.disabled("Redis is not reachable (required when CI=true)");
    }
  }

  /** Chromium and its driver. */
  public static final class Chromium implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (TestDatabase.postgres()) {
        return ConditionEvaluationResult.disabled("browser journeys run in the H2 execution");
      }
      if (ci()
          || (Files.isExecutable(Browser.CHROMEDRIVER) && Files.isExecutable(Browser.CHROMIUM))) {
        return ConditionEvaluationResult.enabled("Chromium present, or required under CI");
      }
      return ConditionEvaluationResult.disabled(
          "Chromium not installed (apt-get install chromium chromium-driver; required when CI=true)");
    }
  }

  /**
   * OpenLDAP's slapd for {@link dev.rekey.support.Slapd}. The directory tests do not touch the
   * database, so they run once, in the H2 execution, unless they are database tests themselves (tag
   * {@code database}, e.g. {@link RekeyTest}): those run in both executions.
   */
  public static final class Slapd implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      if (TestDatabase.postgres() && !context.getTags().contains("database")) {
        return ConditionEvaluationResult.disabled("slapd tests run in the H2 execution");
      }
      if (ci()
          || (Files.isExecutable(dev.rekey.support.Slapd.SLAPD)
              && Files.isExecutable(dev.rekey.support.Slapd.SLAPADD))) {
        return ConditionEvaluationResult.enabled("slapd present, or required under CI");
      }
      return ConditionEvaluationResult.disabled(
          "OpenLDAP slapd not installed (apt-get install slapd ldap-utils; required when CI=true)");
    }
  }
}

package dev.rekey.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every Spring test context its own empty database: an in-memory H2 database by default, or a
 * fresh PostgreSQL database when the build runs with {@code -Drekey.test.database=postgresql} (the
 * second Surefire execution). Flyway then builds the schema from the same migrations.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  public static final String PROPERTY = "rekey.test.database";
  static final String PG_HOST = System.getenv().getOrDefault("REKEY_TEST_PG_HOST", "127.0.0.1");
  static final String PG_PORT = System.getenv().getOrDefault("REKEY_TEST_PG_PORT", "5432");
  static final String PG_USER = System.getenv().getOrDefault("REKEY_TEST_PG_USER", "postgres");
  static final String PG_PASSWORD = System.getenv().getOrDefault("REKEY_TEST_PG_PASSWORD", "");

  private static final List<String> CREATED = new CopyOnWriteArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll));
  }

  public static boolean postgres() {
    return "postgresql".equalsIgnoreCase(System.getProperty(PROPERTY, "h2"));
  }

  static String adminUrl() {
    return "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/postgres";
  }

  /** Set (to true) by contexts that bring their own database, such as the cluster test's nodes. */
  public static final String OWN_DATABASE = "rekey.test.own-database";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (context.getEnvironment().getProperty(OWN_DATABASE, Boolean.class, false)) {
      return;
    }
    String name = "rekey_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    Map<String, Object> properties;
    if (postgres()) {
      create(name);
      properties =
          Map.of(
              "spring.datasource.url",
              "jdbc:postgresql://" + PG_HOST + ":" + PG_PORT + "/" + name,
              "spring.datasource.username",
              PG_USER,
              "spring.datasource.password",
              PG_PASSWORD);
    } else {
      properties =
          Map.of(
              "spring.datasource.url",
              "jdbc:h2:mem:"
                  + name
                  + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
              "spring.datasource.username",
              "sa",
              "spring.datasource.password",
              "");
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("testDatabase", properties));
  }

  private static void create(String name) {
    try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
      CREATED.add(name);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is required for this test run: " + e.getMessage(), e);
    }
  }

  private static void dropAll() {
    if (CREATED.isEmpty()) {
      return;
    }
    try (Connection c = DriverManager.getConnection(adminUrl(), PG_USER, PG_PASSWORD);
        Statement s = c.createStatement()) {
      for (String name : CREATED) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    } catch (SQLException e) {
      System.err.println("Could not drop test databases: " + e.getMessage());
    }
  }
}

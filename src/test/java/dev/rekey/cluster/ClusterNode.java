package dev.rekey.cluster;

import dev.rekey.RekeyApplication;
import dev.rekey.support.TestClock;
import dev.rekey.support.TestDatabase;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * One real Rekey node: the whole application in its own Spring context with its own Tomcat on a
 * random port, started like {@code java -jar} would (no test context, no MockMvc). Every node of a
 * test shares one database, one master key and one clock (as NTP-synchronised machines would).
 */
final class ClusterNode implements AutoCloseable {

  /** The clock every node reads; tests move it instead of sleeping. */
  static final TestClock CLOCK = new TestClock();

  /** The same master key on every node (docs/operations.md). */
  static final String MASTER_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

  final String name;
  final ConfigurableApplicationContext context;
  final int port;

  private ClusterNode(String name, ConfigurableApplicationContext context) {
    this.name = name;
    this.context = context;
    this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
  }

  static ClusterNode start(String name, String jdbcUrl, Map<String, String> extra) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put("server.port", "0");
    properties.put("spring.application.name", "rekey-cluster-" + name);
    properties.put(TestDatabase.OWN_DATABASE, "true");
    properties.put("spring.datasource.url", jdbcUrl);
    properties.put("spring.datasource.username", "postgres");
    properties.put("spring.datasource.password", "");
    properties.put("spring.datasource.hikari.maximum-pool-size", "5");
    properties.put("rekey.data-dir", "target/cluster-data/" + name);
    properties.put("rekey.crypto.master-key", MASTER_KEY);
    properties.put("rekey.throttle.signin.base-delay", "0ms");
    properties.put("rekey.reset.refusal-time", "0ms");
    properties.put("spring.mail.host", "127.0.0.1");
    properties.put("spring.mail.port", "1");
    properties.put("logging.level.root", "WARN");
    properties.putAll(extra);
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(RekeyApplication.class, SharedClock.class)
            // As command-line arguments, which win over application.yml (defaults would not).
            .run(
                properties.entrySet().stream()
                    .map(p -> "--" + p.getKey() + "=" + p.getValue())
                    .toArray(String[]::new));
    return new ClusterNode(name, context);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }

  @Override
  public String toString() {
    return name + ":" + port;
  }

  /**
   * A source of the nodes' contexts only: deliberately not {@code @Configuration}, so the component
   * scan of the other tests' contexts (everything under {@code dev.rekey}) does not pick it up.
   */
  static class SharedClock {
    @Bean
    @Primary
    Clock sharedClusterClock() {
      return CLOCK;
    }
  }
}

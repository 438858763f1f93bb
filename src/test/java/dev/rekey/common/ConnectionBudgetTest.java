package dev.rekey.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

class ConnectionBudgetTest {

  @Test
  void aPoolWithOneConnectionMoreThanThreadsAndJobsCanHoldIsEnough() {
    assertThat(ConnectionBudget.problem(16, 24)).isNull();
    assertThat(ConnectionBudget.problem(16, 20)).isNull();
    assertThat(ConnectionBudget.problem(16, 19))
        .contains("maximum-pool-size=19", "threads.max=16", "at least 20");
    // Spring Boot's own defaults (200 threads, 10 connections) are the case the benchmark hit.
    assertThat(ConnectionBudget.problem(200, 10)).isNotNull();
  }

  @Test
  void theShippedDefaultsKeepTheBudget() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties defaults = yaml.getObject();
    int threads = Integer.parseInt(defaults.getProperty("server.tomcat.threads.max"));
    int pool = Integer.parseInt(defaults.getProperty("spring.datasource.hikari.maximum-pool-size"));
    assertThat(ConnectionBudget.problem(threads, pool)).isNull();
  }
}

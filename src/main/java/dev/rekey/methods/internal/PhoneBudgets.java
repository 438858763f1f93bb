package dev.rekey.methods.internal;

import dev.rekey.methods.phone.PhoneProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hourly budgets for text messages and calls per account, per tenant and overall (SPEC §5.1,
 * SMS-pumping protection; OWASP Automated Threats OAT-014/SMS pumping). Counted in the {@code
 * phone_budget} table per clock hour, so every node shares them. Each counter step is one atomic
 * {@code UPDATE ... WHERE sent < budget}; a budget that is already spent is never exceeded, even by
 * concurrent requests on different nodes.
 */
@Component
class PhoneBudgets {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final PhoneProperties properties;

  PhoneBudgets(JdbcClient jdbc, Clock clock, PhoneProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * Takes one message or call from each budget, or none when any of them is spent.
   *
   * @return whether the message may be sent
   */
  boolean take(UUID tenantId, UUID accountId) {
    long hour = hour(clock.instant());
    List<String> taken = new ArrayList<>(3);
    for (var budget :
        List.of(
            new Budget("account:" + accountId, properties.userHourlyBudget()),
            new Budget("tenant:" + tenantId, properties.tenantHourlyBudget()),
            new Budget("global", properties.globalHourlyBudget()))) {
      if (!take(budget, hour)) {
        // Give back what was taken from the other budgets: nothing is sent.
        taken.forEach(scope -> giveBack(scope, hour));
        return false;
      }
      taken.add(budget.scope());
    }
    return true;
  }

  private record Budget(String scope, int limit) {}

  private boolean take(Budget budget, long hour) {
    for (int attempt = 0; attempt < 3; attempt++) {
      int updated =
          jdbc.sql(
                  "UPDATE phone_budget SET sent = sent + 1"
                      + " WHERE scope = ? AND hour_bucket = ? AND sent < ?")
              .params(budget.scope(), hour, budget.limit())
              .update();
      if (updated == 1) {
        return true;
      }
      boolean exists =
          jdbc.sql("SELECT COUNT(*) FROM phone_budget WHERE scope = ? AND hour_bucket = ?")
                  .params(budget.scope(), hour)
                  .query(Integer.class)
                  .single()
              > 0;
      if (exists) {
        return false; // spent
      }
      try {
        jdbc.sql("INSERT INTO phone_budget (scope, hour_bucket, sent) VALUES (?, ?, 1)")
            .params(budget.scope(), hour)
            .update();
        return true;
      } catch (DuplicateKeyException raced) {
        // Another node opened this hour at the same moment: count on its row.
      }
    }
    return false;
  }

  private void giveBack(String scope, long hour) {
    jdbc.sql(
            "UPDATE phone_budget SET sent = sent - 1"
                + " WHERE scope = ? AND hour_bucket = ? AND sent > 0")
        .params(scope, hour)
        .update();
  }

  /** When the current hour's budgets are refilled. */
  Instant nextHour() {
    return Instant.ofEpochSecond((hour(clock.instant()) + 1) * 3600);
  }

  @Scheduled(fixedDelayString = "PT30M", initialDelayString = "PT3M")
  void purge() {
    jdbc.sql("DELETE FROM phone_budget WHERE hour_bucket < ?")
        .param(hour(clock.instant()) - 1)
        .update();
  }

  private static long hour(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), 3600);
  }
}

package dev.rekey.delivery.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.delivery.Channel;
import dev.rekey.delivery.DeliveryProperties;
import dev.rekey.delivery.Outbox;
import dev.rekey.delivery.OutboxMessage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The development outbox in table {@code outbox_message}, shared by all nodes. */
@Component
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class JdbcOutbox implements Outbox {

  private static final Logger log = LoggerFactory.getLogger(JdbcOutbox.class);
  private static final String COLUMNS = "id, channel, recipient, subject, body, sent_at, tenant_id";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final DeliveryProperties properties;

  JdbcOutbox(JdbcClient jdbc, Clock clock, DeliveryProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  void append(
      Channel channel, String to, @Nullable String subject, String body, @Nullable UUID tenantId) {
    jdbc.sql(
            "INSERT INTO outbox_message (channel, recipient, subject, body, sent_at, tenant_id)"
                + " VALUES (?, ?, ?, ?, ?, ?)")
        .params(channel.code(), to, subject, body, SqlTime.of(clock.instant()), tenantId)
        .update();
  }

  @Override
  public List<OutboxMessage> recent(@Nullable String to, int limit) {
    String order =
        " ORDER BY sent_at DESC, id DESC FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY";
    if (to == null) {
      return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message" + order)
          .query(JdbcOutbox::map)
          .list();
    }
    return jdbc.sql("SELECT " + COLUMNS + " FROM outbox_message WHERE recipient = ?" + order)
        .param(to)
        .query(JdbcOutbox::map)
        .list();
  }

  /** Forgets messages past the retention and beyond the maximum count, hourly. */
  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purge() {
    int removed =
        purge(clock.instant().minus(properties.outboxRetention()), properties.outboxMaxMessages());
    if (removed > 0) {
      log.debug("Purged {} outbox messages", removed);
    }
  }

  /** Removes messages sent before {@code cutoff} and all but the newest {@code keep}. */
  int purge(Instant cutoff, int keep) {
    int old =
        jdbc.sql("DELETE FROM outbox_message WHERE sent_at < ?").param(SqlTime.of(cutoff)).update();
    int surplus =
        jdbc.sql(
                "DELETE FROM outbox_message WHERE id < (SELECT MIN(id) FROM (SELECT id FROM"
                    + " outbox_message ORDER BY id DESC FETCH FIRST "
                    + keep
                    + " ROWS ONLY) newest)")
            .update();
    return old + surplus;
  }

  private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
    return new OutboxMessage(
        rs.getLong("id"),
        Channel.ofCode(rs.getString("channel")),
        rs.getString("recipient"),
        rs.getString("subject"),
        rs.getString("body"),
        SqlTime.require(rs, "sent_at"),
        rs.getObject("tenant_id", UUID.class));
  }
}

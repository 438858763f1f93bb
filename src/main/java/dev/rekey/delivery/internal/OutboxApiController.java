package dev.rekey.delivery.internal;

import dev.rekey.delivery.Outbox;
import dev.rekey.delivery.OutboxMessage;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/dev/outbox?to=}: the outbox as JSON, newest first (SPEC Appendix A). Exists
 * only in outbox mode (404 otherwise).
 */
@RestController
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxApiController {

  static final int LIMIT = 200;

  private final Outbox outbox;

  OutboxApiController(Outbox outbox) {
    this.outbox = outbox;
  }

  record OutboxItem(
      String channel, String to, @Nullable String subject, String body, Instant sentAt) {
    static OutboxItem of(OutboxMessage message) {
      return new OutboxItem(
          message.channel().code(),
          message.to(),
          message.subject(),
          message.body(),
          message.sentAt());
    }
  }

  @GetMapping("/api/v1/dev/outbox")
  List<OutboxItem> outbox(@RequestParam(name = "to", required = false) @Nullable String to) {
    return outbox.recent(OutboxFilter.normalise(to), LIMIT).stream().map(OutboxItem::of).toList();
  }
}

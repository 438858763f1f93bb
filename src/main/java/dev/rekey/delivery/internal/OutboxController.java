package dev.rekey.delivery.internal;

import dev.rekey.delivery.Outbox;
import dev.rekey.delivery.OutboxMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /dev/outbox}: the messages Rekey would have sent, for trying it on a laptop. Exists only
 * in outbox mode (404 otherwise) and needs no sign-in, since the demo user reads their codes here.
 */
@Controller
@ConditionalOnProperty(
    prefix = "rekey.delivery",
    name = "mode",
    havingValue = "outbox",
    matchIfMissing = true)
class OutboxController {

  static final String VIEW = "delivery/outbox";
  static final int PAGE_LIMIT = 100;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /** A message as the page shows it. */
  record Row(
      long id,
      String channel,
      String to,
      @Nullable String subject,
      String body,
      String sentAt,
      String sentAtText) {
    static Row of(OutboxMessage m) {
      return new Row(
          m.id(),
          m.channel().code(),
          m.to(),
          m.subject(),
          m.body(),
          m.sentAt().toString(),
          TIME.format(m.sentAt()));
    }
  }

  private final Outbox outbox;

  OutboxController(Outbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/dev/outbox")
  String outbox(@RequestParam(name = "to", required = false) @Nullable String to, Model model) {
    String filter = OutboxFilter.normalise(to);
    model.addAttribute("to", filter == null ? "" : filter);
    model.addAttribute(
        "messages", outbox.recent(filter, PAGE_LIMIT).stream().map(Row::of).toList());
    return VIEW;
  }
}

package dev.rekey.delivery;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The development outbox: where messages go when {@code rekey.delivery.mode=outbox}. Only present
 * in that mode.
 */
public interface Outbox {

  /**
   * The most recent messages, newest first.
   *
   * @param to only messages to this recipient, matched exactly as sent (lower-case email, E.164
   *     phone number); null for all
   * @param limit the most messages to return
   */
  List<OutboxMessage> recent(@Nullable String to, int limit);
}

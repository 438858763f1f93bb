package dev.rekey.password.internal;

import dev.rekey.password.LocalisedReason;
import dev.rekey.password.PasswordReasons;
import dev.rekey.password.PasswordRejection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Reasons from the {@code password} bundle ({@code password.reason.<code>}). */
@Component
class MessagePasswordReasons implements PasswordReasons {

  private final MessageSource messages;

  MessagePasswordReasons(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public List<LocalisedReason> localise(List<PasswordRejection> reasons, Locale locale) {
    return reasons.stream()
        .map(
            r ->
                new LocalisedReason(
                    r.code(),
                    messages.getMessage(r.messageKey(), r.argumentArray(), r.code(), locale)))
        .toList();
  }
}

package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns the {@link ApiProblem}s the console's services throw into field messages for a page, in the
 * reader's language, so pages and API share one set of checks.
 */
@Component
class PageErrors {

  private final MessageSource messages;

  PageErrors(MessageSource messages) {
    this.messages = messages;
  }

  /** {@code field → message}, with the problem's field renamed through {@code fieldIds}. */
  Map<String, String> of(ApiProblem problem, Locale locale, Map<String, String> fieldIds) {
    Object field = problem.extra().getOrDefault("field", "form");
    String id = fieldIds.getOrDefault(String.valueOf(field), String.valueOf(field));
    Map<String, String> errors = new LinkedHashMap<>();
    errors.put(id, message(problem.messageKey(), locale, problem.arguments()));
    return errors;
  }

  String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, key, locale);
  }
}

package dev.rekey.directory.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rekey.directory.ConnectionReport;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * "Test connection" as the API and the admin page show it: each step with its outcome, a message in
 * the reader's language, what it was about and the server's own words.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record ReportDocument(boolean ok, List<CheckDocument> checks) {

  record CheckDocument(
      String step,
      String outcome,
      String code,
      String message,
      @Nullable String subject,
      @Nullable String detail,
      @Nullable Integer count) {}

  static ReportDocument of(ConnectionReport report, MessageSource messages, Locale locale) {
    return new ReportDocument(
        report.ok(),
        report.checks().stream()
            .map(
                c ->
                    new CheckDocument(
                        c.step(),
                        c.outcome().name().toLowerCase(Locale.ROOT),
                        c.code(),
                        messages.getMessage(
                            messageKey(c.step(), c.code()),
                            new Object[] {c.count() == null ? 0 : c.count(), subject(c.subject())},
                            c.step() + "." + c.code(),
                            locale),
                        c.subject(),
                        c.detail(),
                        c.count()))
            .toList());
  }

  /** {@code directory.test.<step>.<code>}, whether the code already names its step or not. */
  static String messageKey(String step, String code) {
    return "directory.test." + (code.startsWith(step + ".") ? code : step + "." + code);
  }

  private static String subject(@Nullable String subject) {
    return subject == null ? "" : subject;
  }
}

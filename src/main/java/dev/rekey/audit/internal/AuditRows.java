package dev.rekey.audit.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditProperties;
import dev.rekey.audit.AuditResult;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Audit events as the admin page shows them, and the page's links that keep the filters. */
@Component
class AuditRows {

  /**
   * One table row, localised.
   *
   * @param englishActivity Entra's name, shown next to a translation because admins search for it
   */
  record Row(
      String id,
      String time,
      String isoTime,
      String activity,
      @Nullable String englishActivity,
      String result,
      String resultStyle,
      String actor,
      String userId,
      String method,
      String reason,
      String clientIp,
      String details) {}

  private final MessageSource messages;
  private final AuditDetails details;
  private final AuditProperties properties;

  AuditRows(MessageSource messages, AuditDetails details, AuditProperties properties) {
    this.messages = messages;
    this.details = details;
    this.properties = properties;
  }

  Row row(AuditEvent e, Locale locale) {
    DateTimeFormatter format =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withLocale(locale)
            .withZone(properties.timeZone());
    String activity =
        AuditActivity.fromName(e.activity())
            .map(a -> messages.getMessage(a.messageKey(), null, e.activity(), locale))
            .orElse(e.activity());
    AuditResult result = AuditResult.fromName(e.result()).orElse(null);
    return new Row(
        e.id().toString(),
        format.format(e.occurredAt()) + " " + properties.timeZone().getId(),
        e.occurredAt().toString(),
        activity,
        activity.equals(e.activity()) ? null : e.activity(),
        result == null ? e.result() : messages.getMessage(result.messageKey(), null, locale),
        style(result),
        e.actorLabel(),
        e.targetLabel() == null ? "" : e.targetLabel(),
        e.method() == null ? "" : e.method(),
        e.reason() == null ? "" : e.reason(),
        e.clientIp(),
        details.json(e.details()));
  }

  private static String style(@Nullable AuditResult result) {
    if (result == AuditResult.SUCCEEDED) {
      return "badge badge--ok";
    }
    if (result == AuditResult.FAILED || result == AuditResult.BLOCKED) {
      return "badge badge--error";
    }
    return "badge";
  }

  /** The page with the same filters, at another page number. */
  String link(AuditFilter filter, int page) {
    Map<String, @Nullable String> params = filters(filter);
    params.put("size", filter.size());
    params.put("page", Integer.toString(page));
    return "/admin/audit" + query(params);
  }

  /** The API's CSV export with the same filters. */
  String csvLink(AuditFilter filter) {
    Map<String, @Nullable String> params = filters(filter);
    params.put("format", "csv");
    return "/api/v1/admin/audit" + query(params);
  }

  private static Map<String, @Nullable String> filters(AuditFilter filter) {
    Map<String, @Nullable String> params = new LinkedHashMap<>();
    params.put("activity", filter.activity());
    params.put("result", filter.result());
    params.put("userId", filter.userId());
    params.put("method", filter.method());
    params.put("from", filter.from());
    params.put("to", filter.to());
    return params;
  }

  private static String query(Map<String, @Nullable String> params) {
    StringJoiner query = new StringJoiner("&", "?", "");
    params.forEach(
        (name, value) -> {
          if (value != null && !value.isBlank()) {
            query.add(name + "=" + URLEncoder.encode(value.strip(), StandardCharsets.UTF_8));
          }
        });
    return query.toString();
  }
}

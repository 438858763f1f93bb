package dev.rekey.audit.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** An event's details as a JSON object in a TEXT column (portable across H2 and PostgreSQL). */
@Component
class AuditDetails {

  private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP =
      new TypeReference<>() {};

  private final JsonMapper json;

  AuditDetails(JsonMapper json) {
    // Keep nulls, which the application's mapper leaves out: "helpdeskLink": null in a policy's
    // "after" is the fact that it was removed.
    this.json =
        json.rebuild()
            .changeDefaultPropertyInclusion(
                ignored -> JsonInclude.Value.construct(Include.ALWAYS, Include.ALWAYS))
            .build();
  }

  @Nullable String write(Map<String, @Nullable Object> details) {
    return details.isEmpty() ? null : json.writeValueAsString(details);
  }

  String json(Map<String, @Nullable Object> details) {
    return details.isEmpty() ? "" : json.writeValueAsString(details);
  }

  Map<String, @Nullable Object> read(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return Map.of();
    }
    try {
      return json.readValue(text, MAP);
    } catch (JacksonException unreadable) {
      // Never lose the row over its details: show the raw text instead.
      Map<String, @Nullable Object> raw = new LinkedHashMap<>();
      raw.put("raw", text);
      return raw;
    }
  }
}

package dev.rekey.methods.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code data} of a security-question method: {@code [{questionId, hash}]} as JSON. */
@Component
class QuestionSetData {

  /** One answered question: its id and the Argon2id hash of the normalised answer. */
  record Entry(String questionId, String hash) {}

  private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};

  private final JsonMapper json;

  QuestionSetData(JsonMapper json) {
    this.json = json;
  }

  String write(List<Entry> entries) {
    return json.writeValueAsString(entries);
  }

  /** The entries, or none when the data is missing or unreadable. */
  List<Entry> read(StoredMethod method) {
    String data = method.data();
    if (method.type() != dev.rekey.methods.MethodType.SECURITY_QUESTIONS || data == null) {
      return List.of();
    }
    try {
      return List.copyOf(json.readValue(data, ENTRIES));
    } catch (JacksonException unreadable) {
      return List.of();
    }
  }
}

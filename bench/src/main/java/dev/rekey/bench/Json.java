package dev.rekey.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough JSON for the answers the bench reads (flat string and number members). */
final class Json {

  private Json() {}

  /** The first string member {@code name} in the document, or null. */
  static String string(String json, String name) {
    Matcher m =
        Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"")
            .matcher(json);
    return m.find() ? m.group(1).replace("\\/", "/") : null;
  }

  /** The first number member {@code name} in the document, or null. */
  static Long number(String json, String name) {
    Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
    return m.find() ? Long.parseLong(m.group(1)) : null;
  }

  /**
   * The id of the first method of {@code type} in a flow document ({@code methods: [{id, type…}]}).
   */
  static String methodId(String flowJson, String type) {
    Matcher m =
        Pattern.compile(
                "\\{\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"\\s*,\\s*\"type\"\\s*:\\s*\""
                    + Pattern.quote(type)
                    + "\"")
            .matcher(flowJson);
    return m.find() ? m.group(1) : null;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}

package dev.rekey.delivery.internal;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The TwiML a Twilio-compatible gateway speaks on a call: the text twice, with a pause between, in
 * English ({@code en-US}) or Dutch ({@code nl-NL}). Runs of four or more digits are spelled out one
 * digit at a time ("1, 2, 3, 4"), so a code is not read as a large number.
 */
final class TwiML {

  private static final Pattern CODE = Pattern.compile("[0-9]{4,}");

  private TwiML() {}

  static String say(String spokenText, Locale locale) {
    String language = "nl".equals(locale.getLanguage()) ? "nl-NL" : "en-US";
    String spelled =
        CODE.matcher(spokenText)
            .replaceAll(
                match ->
                    match
                        .group()
                        .chars()
                        .mapToObj(Character::toString)
                        .collect(Collectors.joining(", ")));
    String say = "<Say language=\"" + language + "\">" + escape(spelled) + "</Say>";
    return "<Response>" + say + "<Pause length=\"1\"/>" + say + "</Response>";
  }

  /** XML 1.0 §2.4: the five characters that must not appear raw in text or attribute values. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> escaped.append("&amp;");
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
            escaped.append(c); // control characters are not allowed in XML 1.0 at all
          }
        }
      }
    }
    return escaped.toString();
  }
}

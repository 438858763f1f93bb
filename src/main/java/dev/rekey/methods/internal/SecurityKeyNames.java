package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.methods.webauthn.MalformedCredential;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Input checks shared by the security key page and API. */
final class SecurityKeyNames {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private SecurityKeyNames() {}

  /** The key's name, trimmed: 1–64 characters, no control characters. */
  static String check(@Nullable String displayName) {
    String name = displayName == null ? "" : displayName.strip();
    if (name.isEmpty()) {
      throw ApiProblem.invalidField("displayName", "methods.webauthn.name.required");
    }
    if (name.length() > SecurityKeyMethods.MAX_NAME
        || name.codePoints().anyMatch(Character::isISOControl)) {
      throw ApiProblem.invalidField(
          "displayName", "methods.webauthn.name.invalid", SecurityKeyMethods.MAX_NAME);
    }
    return name;
  }

  /** The credential as a JSON tree; a client may also send it as a string holding the JSON. */
  static @Nullable JsonNode tree(@Nullable JsonNode credential) {
    if (credential != null && credential.isString()) {
      try {
        return JSON.readTree(credential.stringValue());
      } catch (JacksonException e) {
        throw new MalformedCredential("credential");
      }
    }
    return credential;
  }
}

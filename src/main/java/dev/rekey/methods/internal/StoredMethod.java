package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code auth_method}, secret (ciphertext) included. Never leaves the module. */
record StoredMethod(
    UUID id,
    UUID tenantId,
    UUID accountId,
    MethodType type,
    @Nullable String phoneType,
    @Nullable String displayName,
    String hint,
    byte @Nullable [] secret,
    @Nullable String data,
    boolean active,
    boolean isDefault,
    @Nullable Long totpLastStep,
    Instant createdAt,
    @Nullable Instant lastUsedAt) {

  RegisteredMethod view() {
    return new RegisteredMethod(
        id, accountId, type, hint, phoneType, displayName, isDefault, createdAt, lastUsedAt);
  }

  /** The associated-data context that binds a ciphertext to this row (see SecretCipher). */
  static String context(UUID methodId, MethodType type) {
    return "auth_method:" + methodId + ":" + type.code();
  }
}

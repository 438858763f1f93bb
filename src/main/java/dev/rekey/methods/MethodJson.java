package dev.rekey.methods;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A method as the JSON API shows it, Microsoft Graph style: masked, never secrets or answers. The
 * user's own view and the admin's view of a user are the same shape.
 */
public record MethodJson(
    UUID id,
    String type,
    String hint,
    @Nullable String phoneType,
    @Nullable String displayName,
    Instant createdAt,
    boolean isDefault) {

  public static MethodJson of(RegisteredMethod method) {
    return new MethodJson(
        method.id(),
        method.type().code(),
        method.hint(),
        method.phoneType(),
        method.displayName(),
        method.createdAt(),
        method.isDefault());
  }
}

package dev.rekey.directory;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What it takes to create an account in the embedded directory. */
public record NewAccount(
    UUID tenantId,
    String upn,
    String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    Set<Role> roles,
    PasswordAuthority passwordAuthority) {

  public NewAccount {
    roles = Set.copyOf(roles);
  }
}

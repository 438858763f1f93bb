package dev.rekey.admin.internal;

import dev.rekey.directory.Role;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What an admin enters to create a user, already checked for shape. */
record NewUser(
    String userId,
    String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    Set<Role> roles,
    List<UUID> groupIds) {

  NewUser {
    roles = Set.copyOf(roles);
    groupIds = List.copyOf(groupIds);
  }
}

package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.Role;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/admin/users}, and the form of {@code /admin/users/new}: roles by
 * code ({@code user}, {@code helpdesk}, {@code admin}), groups by id.
 */
record CreateUserRequest(
    @Nullable String userId,
    @Nullable String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    @Nullable List<String> roles,
    @Nullable List<String> groups) {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+");

  static CreateUserRequest empty() {
    return new CreateUserRequest(null, null, null, null, null, null, null);
  }

  /**
   * @throws ApiProblem 400 {@code invalid_request} naming the first field in error
   */
  NewUser check() {
    String upn = strip(userId);
    if (upn == null) {
      throw ApiProblem.invalidField("userId", "newuser.error.userId.required");
    }
    if (upn.length() > 320) {
      throw ApiProblem.invalidField("userId", "newuser.error.userId.upn_invalid");
    }
    String name = strip(displayName);
    if (name == null) {
      throw ApiProblem.invalidField("displayName", "newuser.error.displayName.required");
    }
    if (name.length() > 256) {
      throw ApiProblem.invalidField("displayName", "newuser.error.tooLong", 256);
    }
    String first = optional("firstName", firstName, 128);
    String last = optional("lastName", lastName, 128);
    String mail = optional("email", email, 320);
    if (mail != null && !EMAIL.matcher(mail).matches()) {
      throw ApiProblem.invalidField("email", "newuser.error.email.invalid");
    }
    Set<Role> chosen = EnumSet.noneOf(Role.class);
    for (String code : roles == null ? List.<String>of() : roles) {
      chosen.add(
          Role.fromCode(code == null ? "" : code.strip())
              .orElseThrow(() -> ApiProblem.invalidField("roles", "newuser.error.roles.invalid")));
    }
    List<UUID> groupIds = new ArrayList<>();
    for (String id : groups == null ? List.<String>of() : groups) {
      try {
        groupIds.add(UUID.fromString(id == null ? "" : id.strip()));
      } catch (IllegalArgumentException notAnId) {
        throw ApiProblem.invalidField("groups", "newuser.error.groups.unknown");
      }
    }
    return new NewUser(upn, name, first, last, mail, chosen, groupIds);
  }

  private static @Nullable String optional(String field, @Nullable String value, int max) {
    String stripped = strip(value);
    if (stripped != null && stripped.length() > max) {
      throw ApiProblem.invalidField(field, "newuser.error.tooLong", max);
    }
    return stripped;
  }

  private static @Nullable String strip(@Nullable String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return value.strip();
  }
}

package dev.rekey.admin.internal;

import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/users}: an admin creates a user → 201 with the account and its
 * temporary password, which this answer is the only place to see.
 */
@RestController
class CreateUserApiController {

  record GroupRef(UUID id, String name) {}

  record CreatedUser(
      UUID id,
      String userId,
      String displayName,
      @Nullable String firstName,
      @Nullable String lastName,
      @Nullable String email,
      List<String> roles,
      List<GroupRef> groups,
      boolean mustChangePassword,
      String temporaryPassword) {}

  private final UserCreation creation;
  private final ClientAddress clientAddress;

  CreateUserApiController(UserCreation creation, ClientAddress clientAddress) {
    this.creation = creation;
    this.clientAddress = clientAddress;
  }

  @PostMapping("/api/v1/admin/users")
  ResponseEntity<CreatedUser> create(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestBody CreateUserRequest body,
      HttpServletRequest request) {
    AdminRole.require(operator);
    UserCreation.Created created =
        creation.create(operator, body.check(), clientAddress.origin(request));
    Account a = created.account();
    return ResponseEntity.created(URI.create("/api/v1/admin/users/" + a.id()))
        // The temporary password must not linger in caches (ASVS 5.0 §14.3.2).
        .cacheControl(CacheControl.noStore())
        .body(
            new CreatedUser(
                a.id(),
                a.upn(),
                a.displayName(),
                a.firstName(),
                a.lastName(),
                a.email(),
                a.roles().stream().map(Role::code).sorted().toList(),
                created.groups().stream().map(g -> new GroupRef(g.id(), g.name())).toList(),
                a.mustChangePassword(),
                created.temporaryPassword()));
  }
}

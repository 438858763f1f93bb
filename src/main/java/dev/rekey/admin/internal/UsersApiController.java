package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.SecurityInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API for users (SPEC Appendix A): search, masked methods, require re-registration, end
 * sessions, admin password reset and roles. Helpdesk and admins only (security configuration);
 * roles are admin-only here. {@code userId} is the UPN or the account id, in the operator's own
 * tenant (404 otherwise).
 */
@RestController
class UsersApiController {

  record UserJson(
      UUID id,
      String userId,
      String displayName,
      boolean enabled,
      boolean locked,
      boolean blocked,
      List<String> roles,
      String passwordAuthority,
      boolean registered,
      List<String> methods) {

    static UserJson of(UserSummary user) {
      return new UserJson(
          user.id(),
          user.userId(),
          user.displayName(),
          user.enabled(),
          user.locked(),
          user.blocked(),
          codes(user.roles()),
          user.passwordAuthority().code(),
          user.registered(),
          user.methods().stream().map(MethodType::code).toList());
    }
  }

  /**
   * @param totalItems exact up to 10,000 matches; when more match it is 10,000 and {@code
   *     totalExact} is false
   * @param nextCursor pass as {@code after} for the next page; absent on the last page
   * @param previousCursor pass as {@code before} for the previous page; absent on the first page
   */
  record PageJson(
      List<UserJson> items,
      int page,
      int size,
      long totalItems,
      boolean totalExact,
      @Nullable String nextCursor,
      @Nullable String previousCursor) {}

  record TemporaryPasswordJson(String temporaryPassword) {}

  record RolesRequest(@Nullable List<String> roles) {}

  record RolesJson(List<String> roles) {}

  private final JdbcUserSearch search;
  private final Groups groups;
  private final TenantAccounts accounts;
  private final SecurityInfo securityInfo;
  private final UserActions actions;
  private final ClientAddress clientAddress;

  UsersApiController(
      JdbcUserSearch search,
      Groups groups,
      TenantAccounts accounts,
      SecurityInfo securityInfo,
      UserActions actions,
      ClientAddress clientAddress) {
    this.search = search;
    this.groups = groups;
    this.accounts = accounts;
    this.securityInfo = securityInfo;
    this.actions = actions;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/api/v1/admin/users")
  PageJson list(@AuthenticationPrincipal SignedInUser operator, UserFilter filter) {
    UserFilter.Parsed parsed =
        filter.parse(
            operator.tenantId(),
            id ->
                groups
                    .findById(id)
                    .filter(g -> g.tenantId().equals(operator.tenantId()))
                    .isPresent());
    if (parsed.query() == null) {
      UserFilter.Problem first = parsed.problems().get(0);
      throw ApiProblem.invalidField(first.field(), first.messageKey());
    }
    UserSummary.Page page = search.search(parsed.query());
    return new PageJson(
        page.items().stream().map(UserJson::of).toList(),
        page.page(),
        page.size(),
        page.totalItems(),
        page.totalExact(),
        page.nextCursor(),
        page.previousCursor());
  }

  @GetMapping("/api/v1/admin/users/{userId}/authentication/methods")
  List<MethodJson> methods(
      @AuthenticationPrincipal SignedInUser operator, @PathVariable String userId) {
    return securityInfo.methods(accounts.require(operator, userId).id()).stream()
        .map(MethodJson::of)
        .toList();
  }

  @DeleteMapping("/api/v1/admin/users/{userId}/authentication/methods")
  ResponseEntity<Void> requireReregistration(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String userId,
      HttpServletRequest request) {
    actions.requireReregistration(
        operator, accounts.require(operator, userId), clientAddress.origin(request));
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/admin/users/{userId}/sessions")
  ResponseEntity<Void> endSessions(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String userId,
      HttpServletRequest request) {
    actions.endSessions(
        operator, accounts.require(operator, userId), clientAddress.origin(request));
    return ResponseEntity.noContent().build();
  }

  /** The temporary password is in this answer only; it must not be cached anywhere. */
  @PostMapping("/api/v1/admin/users/{userId}/password/reset")
  ResponseEntity<TemporaryPasswordJson> resetPassword(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String userId,
      HttpServletRequest request) {
    String temporary =
        actions.resetPassword(
            operator, accounts.require(operator, userId), clientAddress.origin(request));
    return ResponseEntity.ok()
        .cacheControl(CacheControl.noStore())
        .body(new TemporaryPasswordJson(temporary));
  }

  @PutMapping("/api/v1/admin/users/{userId}/roles")
  RolesJson setRoles(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String userId,
      @RequestBody RolesRequest body,
      HttpServletRequest request) {
    if (!operator.isAdmin()) {
      throw new ApiProblem(org.springframework.http.HttpStatus.FORBIDDEN, "forbidden");
    }
    Set<Role> roles = parseRoles(body.roles());
    Set<Role> now =
        actions.setRoles(
            operator, accounts.require(operator, userId), roles, clientAddress.origin(request));
    return new RolesJson(codes(now));
  }

  /** At least one of {@code user}, {@code helpdesk}, {@code admin}; anything else is refused. */
  static Set<Role> parseRoles(@Nullable List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw ApiProblem.invalidField("roles", "admin.users.invalid.roles");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String code : codes) {
      roles.add(
          Role.fromCode(code == null ? "" : code)
              .orElseThrow(() -> ApiProblem.invalidField("roles", "admin.users.invalid.roles")));
    }
    return roles;
  }

  static List<String> codes(Set<Role> roles) {
    return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles).stream()
        .map(Role::code)
        .toList();
  }
}

package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Account;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.SecurityInfo;
import dev.rekey.throttle.ResetThrottle;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/users/{id}}: one account with its masked methods, history and actions. Every action
 * is a POST form; the destructive ones go through a confirmation page first. After an action the
 * browser is redirected back (post/redirect/get) — except the temporary password, which is shown on
 * the POST's own answer, once, and never travels in a URL.
 */
@Controller
class UserPageController {

  static final String VIEW = "admin/users/user";
  static final String CONFIRM_VIEW = "admin/users/confirm";
  static final String PASSWORD_VIEW = "admin/users/password";
  static final Set<String> CONFIRMABLE = Set.of("methods", "sessions", "password");
  static final Set<String> NOTICES = Set.of("unlocked", "methods", "sessions", "roles");
  static final DateTimeFormatter BLOCKED_UNTIL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
  static final Set<String> ERRORS =
      Set.of("forbidden", "password_not_managed", "own_admin_role", "invalid_request");

  private final TenantAccounts accounts;
  private final SecurityInfo securityInfo;
  private final ResetThrottle throttle;
  private final UserHistory history;
  private final AccountUnlock unlock;
  private final UserActions actions;
  private final ClientAddress clientAddress;

  UserPageController(
      TenantAccounts accounts,
      SecurityInfo securityInfo,
      ResetThrottle throttle,
      UserHistory history,
      AccountUnlock unlock,
      UserActions actions,
      ClientAddress clientAddress) {
    this.accounts = accounts;
    this.securityInfo = securityInfo;
    this.throttle = throttle;
    this.history = history;
    this.unlock = unlock;
    this.actions = actions;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/admin/users/{id}")
  String user(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String done,
      @RequestParam(required = false) @Nullable String error,
      Locale locale,
      Model model) {
    Account account = account(operator, id);
    model.addAttribute("account", account);
    model.addAttribute("requirements", securityInfo.requirements(account));
    model.addAttribute("methods", securityInfo.methods(account.id()));
    model.addAttribute(
        "blockedUntil",
        throttle
            .blockedUntil(account.id())
            .map(at -> BLOCKED_UNTIL.format(at.atZone(ZoneOffset.UTC)))
            .orElse(null));
    model.addAttribute("history", history.entries(account, locale));
    model.addAttribute("mayManage", mayManage(operator, account));
    model.addAttribute("mayEditRoles", operator.isAdmin());
    model.addAttribute("roles", List.of(Role.values()));
    model.addAttribute("done", done != null && NOTICES.contains(done) ? done : null);
    model.addAttribute("error", error != null && ERRORS.contains(error) ? error : null);
    return VIEW;
  }

  @GetMapping("/admin/users/{id}/confirm/{action}")
  String confirm(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      @PathVariable String action,
      Model model) {
    Account account = account(operator, id);
    if (!CONFIRMABLE.contains(action)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
    model.addAttribute("account", account);
    model.addAttribute("action", action);
    model.addAttribute(
        "postPath",
        "/admin/users/"
            + account.id()
            + switch (action) {
              case "password" -> "/password/reset";
              case "methods" -> "/methods/delete";
              default -> "/sessions/end";
            });
    return CONFIRM_VIEW;
  }

  @PostMapping("/admin/users/{id}/unlock")
  String unlock(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request) {
    Account account = account(operator, id);
    unlock.unlock(operator, account, clientAddress.origin(request));
    return back(account, "done=unlocked");
  }

  @PostMapping("/admin/users/{id}/methods/delete")
  String requireReregistration(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request) {
    Account account = account(operator, id);
    try {
      actions.requireReregistration(operator, account, clientAddress.origin(request));
    } catch (ApiProblem refused) {
      return back(account, "error=" + refused.code());
    }
    return back(account, "done=methods");
  }

  @PostMapping("/admin/users/{id}/sessions/end")
  String endSessions(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request) {
    Account account = account(operator, id);
    try {
      actions.endSessions(operator, account, clientAddress.origin(request));
    } catch (ApiProblem refused) {
      return back(account, "error=" + refused.code());
    }
    return back(account, "done=sessions");
  }

  /**
   * Shows the temporary password in this answer only: not in a redirect URL, not in the session,
   * not cached (ASVS 5.0 §14.3: sensitive data not cached by the browser).
   */
  @PostMapping("/admin/users/{id}/password/reset")
  String resetPassword(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Account account = account(operator, id);
    String temporary;
    try {
      temporary = actions.resetPassword(operator, account, clientAddress.origin(request));
    } catch (ApiProblem refused) {
      return back(account, "error=" + refused.code());
    }
    response.setHeader("Cache-Control", "no-store");
    model.addAttribute("account", account);
    model.addAttribute("temporaryPassword", temporary);
    return PASSWORD_VIEW;
  }

  /** The language links of the password page point here; the password is not shown again. */
  @GetMapping("/admin/users/{id}/password/reset")
  String afterReset(@AuthenticationPrincipal SignedInUser operator, @PathVariable String id) {
    return back(account(operator, id), "");
  }

  @PostMapping("/admin/users/{id}/roles")
  String setRoles(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      @RequestParam(name = "roles", required = false) @Nullable List<String> roles,
      HttpServletRequest request) {
    Account account = account(operator, id);
    try {
      actions.setRoles(
          operator, account, UsersApiController.parseRoles(roles), clientAddress.origin(request));
    } catch (ApiProblem refused) {
      return back(account, "error=" + refused.code());
    }
    return back(account, "done=roles");
  }

  private Account account(SignedInUser operator, String id) {
    return accounts
        .lookup(operator, id)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
  }

  /** Whether the operator may reset, clear or sign out this account (see {@link UserActions}). */
  static boolean mayManage(SignedInUser operator, Account account) {
    return operator.isAdmin() || !account.hasRole(Role.ADMIN);
  }

  private static String back(Account account, String query) {
    return "redirect:/admin/users/" + account.id() + (query.isEmpty() ? "" : "?" + query);
  }
}

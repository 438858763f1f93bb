package dev.rekey.web.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.password.PasswordReasons;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/me/password}: a signed-in user changes their password. */
@RestController
class ChangePasswordApiController {

  private final PasswordChanger changer;
  private final PasswordReasons reasons;
  private final ClientAddress clientAddress;

  ChangePasswordApiController(
      PasswordChanger changer, PasswordReasons reasons, ClientAddress clientAddress) {
    this.changer = changer;
    this.reasons = reasons;
    this.clientAddress = clientAddress;
  }

  record ChangePasswordRequest(@Nullable String currentPassword, @Nullable String newPassword) {}

  @PostMapping("/api/v1/me/password")
  ResponseEntity<Void> changeApi(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody ChangePasswordRequest body,
      HttpServletRequest request,
      HttpSession session,
      Locale locale) {
    if (body.currentPassword() == null || body.currentPassword().isEmpty()) {
      throw ApiProblem.invalidField("currentPassword", "password.current.required");
    }
    if (body.newPassword() == null || body.newPassword().isEmpty()) {
      throw ApiProblem.invalidField("newPassword", "password.new.required");
    }
    var refusal =
        changer.change(
            user,
            body.currentPassword(),
            body.newPassword(),
            body.newPassword(),
            clientAddress.origin(request));
    if (refusal.isPresent()) {
      throw problem(refusal.get(), locale);
    }
    session.removeAttribute(MustChangePasswordFilter.ATTRIBUTE);
    return ResponseEntity.noContent().build();
  }

  /**
   * 403 {@code invalid_credentials} for a wrong current password, 403 {@code password_not_managed}
   * (SPEC §6) when Rekey does not own the password, else 422 {@code password_policy} with every
   * reason (SPEC Appendix A).
   */
  private ApiProblem problem(PasswordChanger.Refusal refusal, Locale locale) {
    if ("current_wrong".equals(refusal.current())) {
      return new ApiProblem(
          HttpStatus.FORBIDDEN,
          "invalid_credentials",
          "password.current_wrong",
          new Object[0],
          Map.of("field", "currentPassword"));
    }
    if ("directory_unavailable".equals(refusal.current())) {
      return new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "directory_unavailable",
          "password.directory_unavailable",
          new Object[0],
          Map.of());
    }
    if (refusal.current() != null) {
      return new ApiProblem(
          HttpStatus.FORBIDDEN,
          "password_not_managed",
          "password.not_managed",
          new Object[0],
          Map.of("field", "currentPassword"));
    }
    if (refusal.verdict() == null) {
      // The API has no confirmation field, so this cannot happen; answer it like the page would.
      return new ApiProblem(
          HttpStatus.UNPROCESSABLE_CONTENT,
          "password_policy",
          "password.mismatch",
          new Object[0],
          Map.of("field", "newPassword"));
    }
    return reasons.problem(refusal.verdict(), locale);
  }
}

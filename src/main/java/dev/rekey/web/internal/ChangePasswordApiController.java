package dev.rekey.web.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
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
  private final ClientAddress clientAddress;

  ChangePasswordApiController(PasswordChanger changer, ClientAddress clientAddress) {
    this.changer = changer;
    this.clientAddress = clientAddress;
  }

  record ChangePasswordRequest(@Nullable String currentPassword, @Nullable String newPassword) {}

  @PostMapping("/api/v1/me/password")
  ResponseEntity<Void> changeApi(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody ChangePasswordRequest body,
      HttpServletRequest request,
      HttpSession session) {
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
      String code = refusal.get().code();
      HttpStatus status =
          "current_wrong".equals(code) || "not_managed".equals(code)
              ? HttpStatus.FORBIDDEN
              : HttpStatus.UNPROCESSABLE_CONTENT;
      throw new ApiProblem(
          status,
          "current_wrong".equals(code) ? "invalid_credentials" : "password_policy",
          "password." + code,
          PasswordChanger.arguments(refusal.get().code()),
          Map.of("field", refusal.get().field()));
    }
    session.removeAttribute(MustChangePasswordFilter.ATTRIBUTE);
    return ResponseEntity.noContent().build();
  }
}

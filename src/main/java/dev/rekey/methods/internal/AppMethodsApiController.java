package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/me/authentication/softwareOathMethods}: register an authenticator app. */
@RestController
@RequestMapping("/api/v1/me/authentication/softwareOathMethods")
class AppMethodsApiController {

  record CodeRequest(@Nullable String code) {}

  private final AppMethods apps;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  AppMethodsApiController(AppMethods apps, ChangeGuard guard, ClientAddress clientAddress) {
    this.apps = apps;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping
  ResponseEntity<AppMethods.Pending> start(
      @AuthenticationPrincipal SignedInUser user, HttpSession session) {
    guard.require(user, session);
    guard.requireOffered(user, MethodType.SOFTWARE_OATH);
    return apps.start(user, "Authenticator app")
        .map(pending -> ResponseEntity.status(HttpStatus.CREATED).body(pending))
        .orElseThrow(() -> limitReached());
  }

  @PostMapping("/{id}/verify")
  MethodJson verify(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable UUID id,
      @RequestBody CodeRequest body,
      HttpSession session,
      HttpServletRequest request) {
    if (body.code() == null || body.code().isBlank()) {
      throw ApiProblem.invalidField("code", "methods.problem.code.required");
    }
    guard.require(user, session);
    AppMethods.Result result = apps.confirm(user, id, body.code(), clientAddress.origin(request));
    if (result.method() != null) {
      return MethodJson.of(result.method());
    }
    throw switch (result.refusal()) {
      case LIMIT_REACHED -> limitReached();
      case WRONG_CODE -> new ApiProblem(HttpStatus.BAD_REQUEST, "verification_failed");
      case NOT_FOUND, NONE -> new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
    };
  }

  private static ApiProblem limitReached() {
    return new ApiProblem(
        HttpStatus.CONFLICT,
        "method_limit_reached",
        "methods.problem.method_limit_reached",
        new Object[] {AppMethods.MAX_APPS},
        java.util.Map.of());
  }
}

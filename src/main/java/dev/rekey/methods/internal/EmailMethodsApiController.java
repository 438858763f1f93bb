package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Objects;
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

/** {@code /api/v1/me/authentication/emailMethods}: register an alternate email address. */
@RestController
@RequestMapping("/api/v1/me/authentication/emailMethods")
class EmailMethodsApiController {

  record AddressRequest(@Nullable String emailAddress) {}

  record CodeRequest(@Nullable String code) {}

  record PendingJson(UUID id) {}

  private final EmailMethods emails;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  EmailMethodsApiController(EmailMethods emails, ChangeGuard guard, ClientAddress clientAddress) {
    this.emails = emails;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @PostMapping
  ResponseEntity<PendingJson> start(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody AddressRequest body,
      HttpSession session) {
    guard.require(user, session);
    guard.requireOffered(user, MethodType.EMAIL);
    EmailMethods.Outcome outcome = emails.start(user, body.emailAddress());
    if (outcome.refusal() != EmailRefusal.NONE) {
      throw problem(outcome);
    }
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new PendingJson(Objects.requireNonNull(outcome.id())));
  }

  @PostMapping("/{id}/resend")
  ResponseEntity<Void> resend(
      @AuthenticationPrincipal SignedInUser user, @PathVariable UUID id, HttpSession session) {
    guard.require(user, session);
    EmailMethods.Outcome outcome = emails.resend(user, id);
    if (outcome.refusal() != EmailRefusal.NONE) {
      throw problem(outcome);
    }
    return ResponseEntity.accepted().build();
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
    EmailMethods.Outcome outcome =
        emails.confirm(user, id, body.code(), clientAddress.origin(request));
    if (outcome.method() == null) {
      throw problem(outcome);
    }
    return MethodJson.of(outcome.method());
  }

  private static ApiProblem problem(EmailMethods.Outcome outcome) {
    EmailRefusal refusal = outcome.refusal();
    if (refusal.aboutAddress()) {
      return ApiProblem.invalidField(
          "emailAddress",
          refusal.addressMessageKey(),
          outcome.domain() == null ? "" : outcome.domain());
    }
    return switch (refusal) {
      case LIMIT_REACHED ->
          new ApiProblem(
              HttpStatus.CONFLICT,
              "method_limit_reached",
              "methods.problem.method_limit_reached",
              new Object[] {EmailMethods.MAX_EMAILS},
              Map.of());
      case WRONG_CODE -> new ApiProblem(HttpStatus.BAD_REQUEST, "verification_failed");
      case CODE_EXPIRED -> new ApiProblem(HttpStatus.BAD_REQUEST, "code_expired");
      // The registration is gone: the detail tells the client to start again.
      case TOO_MANY_ATTEMPTS ->
          new ApiProblem(
              HttpStatus.TOO_MANY_REQUESTS,
              "too_many_attempts",
              "methods.email.problem.tooManyAttempts",
              new Object[0],
              Map.of());
      case DELIVERY_FAILED -> new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "delivery_failed");
      default -> new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
    };
  }
}

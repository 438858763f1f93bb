package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code /api/v1/session/mfa}: prove one of your methods before changing security info. */
@RestController
@RequestMapping("/api/v1/session/mfa")
class StepUpApiController {

  record ChallengeRequest(@Nullable UUID methodId) {}

  /** For a security key, {@code publicKey} holds the WebAuthn request options. */
  record ChallengeJson(UUID methodId, String type, @Nullable Object publicKey) {}

  /** A code for app, phone and email; a credential (WebAuthn assertion) for a security key. */
  record ProofRequest(
      @Nullable UUID methodId, @Nullable String code, @Nullable JsonNode credential) {}

  record StepUpJson(boolean mfa, Instant expiresAt) {}

  private final StepUp stepUp;
  private final JdbcMethods store;
  private final SecurityKeyStepUp keys;
  private final ClientAddress clientAddress;

  StepUpApiController(
      StepUp stepUp, JdbcMethods store, SecurityKeyStepUp keys, ClientAddress clientAddress) {
    this.stepUp = stepUp;
    this.store = store;
    this.keys = keys;
    this.clientAddress = clientAddress;
  }

  @PostMapping("/challenges")
  ChallengeJson challenge(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody ChallengeRequest body,
      HttpSession session) {
    if (body.methodId() == null) {
      throw ApiProblem.invalidField("methodId", "methods.problem.methodId.required");
    }
    var key = securityKey(user, body.methodId());
    if (key.isPresent()) {
      return new ChallengeJson(
          key.get().id(), MethodType.FIDO2.code(), keys.options(user, session, key.get()));
    }
    StoredMethod method =
        stepUp
            .challenge(user, body.methodId())
            .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found"));
    return new ChallengeJson(method.id(), method.type().code(), null);
  }

  private java.util.Optional<StoredMethod> securityKey(SignedInUser user, UUID methodId) {
    return store
        .find(methodId, user.accountId())
        .filter(m -> m.active() && m.type() == MethodType.FIDO2);
  }

  @PostMapping
  StepUpJson prove(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody ProofRequest body,
      HttpSession session,
      HttpServletRequest request) {
    if (body.methodId() == null) {
      throw ApiProblem.invalidField("methodId", "methods.problem.methodId.required");
    }
    if (securityKey(user, body.methodId()).isPresent()) {
      if (body.credential() == null) {
        throw ApiProblem.invalidField("credential", "methods.webauthn.problem.credential");
      }
      keys.prove(user, session, body.credential(), clientAddress.origin(request));
      return new StepUpJson(true, stepUp.expiresAt(session));
    }
    if (body.code() == null || body.code().isBlank()) {
      throw ApiProblem.invalidField("code", "methods.problem.code.required");
    }
    return switch (stepUp.prove(user, body.methodId(), body.code(), session)) {
      case PROVEN -> new StepUpJson(true, stepUp.expiresAt(session));
      case UNKNOWN_METHOD -> throw new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
      case TOO_MANY_ATTEMPTS ->
          throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts");
      case WRONG -> throw new ApiProblem(HttpStatus.BAD_REQUEST, "verification_failed");
    };
  }
}

package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.SignedInUser;
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

/** {@code /api/v1/session/mfa}: prove one of your methods before changing security info. */
@RestController
@RequestMapping("/api/v1/session/mfa")
class StepUpApiController {

  record ChallengeRequest(@Nullable UUID methodId) {}

  record ChallengeJson(UUID methodId, String type) {}

  record ProofRequest(@Nullable UUID methodId, @Nullable String code) {}

  record StepUpJson(boolean mfa, Instant expiresAt) {}

  private final StepUp stepUp;

  StepUpApiController(StepUp stepUp) {
    this.stepUp = stepUp;
  }

  @PostMapping("/challenges")
  ChallengeJson challenge(
      @AuthenticationPrincipal SignedInUser user, @RequestBody ChallengeRequest body) {
    if (body.methodId() == null) {
      throw ApiProblem.invalidField("methodId", "methods.problem.methodId.required");
    }
    StoredMethod method =
        stepUp
            .challenge(user, body.methodId())
            .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found"));
    return new ChallengeJson(method.id(), method.type().code());
  }

  @PostMapping
  StepUpJson prove(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody ProofRequest body,
      HttpSession session) {
    if (body.methodId() == null) {
      throw ApiProblem.invalidField("methodId", "methods.problem.methodId.required");
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

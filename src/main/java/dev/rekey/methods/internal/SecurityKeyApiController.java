package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.webauthn.CredentialJson;
import dev.rekey.methods.webauthn.MalformedCredential;
import dev.rekey.methods.webauthn.VerificationFailed;
import dev.rekey.methods.webauthn.WebAuthnOptions;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v1/me/authentication/fido2Methods}: register a security key (WebAuthn creation
 * ceremony) and step up with one (assertion).
 */
@RestController
@RequestMapping("/api/v1/me/authentication/fido2Methods")
class SecurityKeyApiController {

  record RegisterRequest(@Nullable String displayName, @Nullable JsonNode credential) {}

  record AssertionRequest(@Nullable JsonNode credential) {}

  record StepUpJson(boolean mfa, Instant expiresAt) {}

  private final SecurityKeyMethods keys;
  private final SecurityKeyAssertions assertions;
  private final SecurityKeyChallenges challenges;
  private final ChangeGuard guard;
  private final StepUp stepUp;
  private final ClientAddress clientAddress;
  private final SecurityKeyStepUp keyStepUp;

  SecurityKeyApiController(
      SecurityKeyMethods keys,
      SecurityKeyAssertions assertions,
      SecurityKeyChallenges challenges,
      ChangeGuard guard,
      StepUp stepUp,
      ClientAddress clientAddress,
      SecurityKeyStepUp keyStepUp) {
    this.keyStepUp = keyStepUp;
    this.keys = keys;
    this.assertions = assertions;
    this.challenges = challenges;
    this.guard = guard;
    this.stepUp = stepUp;
    this.clientAddress = clientAddress;
  }

  @PostMapping("/options")
  WebAuthnOptions.Creation options(
      @AuthenticationPrincipal SignedInUser user, HttpSession session) {
    refuseIfNotAllowed(user, session);
    return keys.creationOptions(user, session);
  }

  @PostMapping
  ResponseEntity<MethodJson> register(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody RegisterRequest body,
      HttpSession session,
      HttpServletRequest request) {
    String name = SecurityKeyNames.check(body.displayName());
    CredentialJson.Registration response =
        parse(() -> CredentialJson.registration(SecurityKeyNames.tree(body.credential())));
    refuseIfNotAllowed(user, session);
    try {
      var method = keys.register(user, name, response, session, clientAddress.origin(request));
      return ResponseEntity.status(HttpStatus.CREATED).body(MethodJson.of(method));
    } catch (VerificationFailed e) {
      throw failed(e);
    } catch (SecurityKeyMethods.Refused e) {
      throw refused(e.refusal);
    }
  }

  @PostMapping("/assertion-options")
  WebAuthnOptions.Request assertionOptions(
      @AuthenticationPrincipal SignedInUser user, HttpSession session) {
    return keyStepUp.options(user, session, null);
  }

  /** Step-up with a security key: a verified assertion counts like a right code. */
  @PostMapping("/assertion")
  StepUpJson assertion(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody AssertionRequest body,
      HttpSession session,
      HttpServletRequest request) {
    keyStepUp.prove(user, session, body.credential(), clientAddress.origin(request));
    return new StepUpJson(true, stepUp.expiresAt(session));
  }

  private void refuseIfNotAllowed(SignedInUser user, HttpSession session) {
    keys.refusal(user.accountId())
        .filter(r -> r == SecurityKeyMethods.Refusal.OTHER_METHOD_REQUIRED)
        .ifPresent(
            r -> {
              throw refused(r);
            });
    guard.require(user, session);
    guard.requireOffered(user, MethodType.FIDO2);
    keys.refusal(user.accountId())
        .ifPresent(
            r -> {
              throw refused(r);
            });
  }

  private static <T> T parse(java.util.function.Supplier<T> parser) {
    try {
      return parser.get();
    } catch (MalformedCredential e) {
      throw ApiProblem.invalidField(e.field(), "methods.webauthn.problem.credential");
    }
  }

  static ApiProblem failed(VerificationFailed e) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "verification_failed",
        e.reason().messageKey(),
        new Object[0],
        Map.of("reason", e.reason().name().toLowerCase(java.util.Locale.ROOT)));
  }

  static ApiProblem refused(SecurityKeyMethods.Refusal refusal) {
    return switch (refusal) {
      case OTHER_METHOD_REQUIRED -> new ApiProblem(HttpStatus.CONFLICT, "other_method_required");
      case DUPLICATE -> new ApiProblem(HttpStatus.CONFLICT, "credential_exists");
      case LIMIT_REACHED ->
          new ApiProblem(
              HttpStatus.CONFLICT,
              "method_limit_reached",
              "methods.problem.method_limit_reached",
              new Object[] {SecurityKeyMethods.MAX_KEYS},
              Map.of());
    };
  }
}

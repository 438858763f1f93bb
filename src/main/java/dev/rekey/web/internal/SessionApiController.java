package dev.rekey.web.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.StepUpStatus;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/session}: the API's sign-in, session state and sign-out (SPEC Appendix A). */
@RestController
@RequestMapping("/api/v1/session")
class SessionApiController {

  record SessionState(
      boolean authenticated,
      @Nullable String userId,
      @Nullable List<String> roles,
      @Nullable Boolean mfa,
      @Nullable Boolean mustChangePassword) {}

  private final SignInService signIn;
  private final Clock clock;
  private final StepUpStatus stepUp;

  SessionApiController(SignInService signIn, Clock clock, StepUpStatus stepUp) {
    this.signIn = signIn;
    this.clock = clock;
    this.stepUp = stepUp;
  }

  /** Answers the session state; touching the token makes sure the XSRF-TOKEN cookie is set. */
  @GetMapping
  SessionState current(
      @AuthenticationPrincipal @Nullable SignedInUser user,
      CsrfToken csrf,
      HttpServletRequest request) {
    csrf.getToken();
    if (user == null) {
      return new SessionState(false, null, null, null, null);
    }
    var session = request.getSession(false);
    boolean mfa = session != null && stepUp.isSteppedUp(session);
    return new SessionState(true, user.upn(), roles(user), mfa, null);
  }

  @PostMapping
  SessionState create(
      @Valid @RequestBody SignInForm body,
      HttpServletRequest request,
      HttpServletResponse response) {
    var outcome = signIn.signIn(body.userId(), body.password(), request, response);
    if (outcome instanceof SignInService.Success success) {
      return new SessionState(
          true, success.user().upn(), roles(success.user()), false, success.mustChangePassword());
    }
    if (outcome instanceof SignInService.Throttled throttled) {
      long seconds = Math.max(1, Duration.between(clock.instant(), throttled.until()).toSeconds());
      response.setHeader("Retry-After", Long.toString(seconds));
      throw new ApiProblem(
          HttpStatus.TOO_MANY_REQUESTS,
          "throttled",
          "problem.throttled",
          new Object[] {(seconds + 59) / 60},
          Map.of("retryAfter", seconds));
    }
    if (outcome instanceof SignInService.DirectoryDown) {
      throw new ApiProblem(
          HttpStatus.SERVICE_UNAVAILABLE,
          "directory_unavailable",
          "problem.signin.directory_unavailable",
          new Object[0],
          Map.of());
    }
    throw new ApiProblem(HttpStatus.UNAUTHORIZED, "invalid_credentials");
  }

  @DeleteMapping
  ResponseEntity<Void> delete(HttpServletRequest request, HttpServletResponse response) {
    signIn.signOut(request, response);
    return ResponseEntity.noContent().build();
  }

  private static List<String> roles(SignedInUser user) {
    return user.roles().stream().map(Role::code).sorted().toList();
  }
}

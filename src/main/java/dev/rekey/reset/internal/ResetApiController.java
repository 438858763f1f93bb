package dev.rekey.reset.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.common.RequestOrigin;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.ResetProofs;
import dev.rekey.password.PasswordEvaluation;
import dev.rekey.password.PasswordReasons;
import dev.rekey.password.PasswordVerdict;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The reset portal as JSON (SPEC Appendix A "Reset portal"), for kiosks, chatbots and apps. */
@RestController
@RequestMapping("/api/v1/reset")
class ResetApiController {

  static final int MAX_USER_ID = 256;
  static final int MAX_ANSWER = 200;
  static final int MAX_PASSWORD = 1024;

  record StartRequest(@Nullable String userId, @Nullable String captcha) {}

  record MethodJson(UUID id, String type, String hint, @Nullable String phoneType) {
    static MethodJson of(RegisteredMethod m) {
      return new MethodJson(m.id(), m.type().code(), m.hint(), m.phoneType());
    }
  }

  record FlowJson(
      String flowId,
      int requiredMethods,
      int verifiedMethods,
      List<MethodJson> methods,
      List<UUID> offeredMethodIds,
      boolean canUnlock,
      Instant expiresAt) {}

  record ChallengeRequest(@Nullable UUID methodId, @Nullable String phoneNumber) {}

  record QuestionJson(String id, String text) {}

  record ChallengeJson(
      UUID methodId,
      String type,
      @Nullable List<QuestionJson> questions,
      @Nullable JsonNode publicKey) {}

  record AnswerJson(@Nullable String questionId, @Nullable String answer) {}

  record VerifyRequest(
      @Nullable UUID methodId,
      @Nullable String code,
      @Nullable List<AnswerJson> answers,
      @Nullable JsonNode credential) {}

  record VerifiedJson(int verifiedMethods, int remainingMethods) {}

  record PasswordRequest(@Nullable String newPassword) {}

  record ContactRequest(
      @Nullable String flowId, @Nullable String userId, @Nullable String captcha) {}

  private final ResetService reset;
  private final AdminContact contact;
  private final PasswordReasons reasons;
  private final ClientAddress clientAddress;
  private final Clock clock;

  ResetApiController(
      ResetService reset,
      AdminContact contact,
      PasswordReasons reasons,
      ClientAddress clientAddress,
      Clock clock) {
    this.reset = reset;
    this.contact = contact;
    this.reasons = reasons;
    this.clientAddress = clientAddress;
    this.clock = clock;
  }

  @PostMapping("/flows")
  ResponseEntity<FlowJson> start(@RequestBody StartRequest body, HttpServletRequest request) {
    String userId = userId(body.userId());
    RequestOrigin origin = clientAddress.origin(request);
    ResetService.Started started = call(() -> reset.start(userId, body.captcha(), origin));
    ResetService.Current current =
        new ResetService.Current(
            started.flow(), started.account(), started.methods(), started.canUnlock());
    return ResponseEntity.status(HttpStatus.CREATED).body(json(current));
  }

  @GetMapping("/flows/{flowId}")
  FlowJson flow(@PathVariable String flowId) {
    return json(call(() -> reset.current(flowId)));
  }

  @PostMapping("/flows/{flowId}/challenges")
  ChallengeJson challenge(
      @PathVariable String flowId, @RequestBody ChallengeRequest body, HttpServletRequest request) {
    UUID methodId = required(body.methodId(), "methodId");
    if (body.phoneNumber() != null && body.phoneNumber().length() > 64) {
      throw ApiProblem.invalidField("phoneNumber", "reset.problem.phoneNumber");
    }
    RequestOrigin origin = clientAddress.origin(request);
    ResetProofs.Challenge challenge =
        call(() -> reset.challenge(flowId, methodId, body.phoneNumber(), origin));
    return new ChallengeJson(
        challenge.methodId(),
        challenge.type().code(),
        challenge.questions().isEmpty()
            ? null
            : challenge.questions().stream().map(q -> new QuestionJson(q.id(), q.text())).toList(),
        challenge.publicKey());
  }

  @PostMapping("/flows/{flowId}/verifications")
  VerifiedJson verify(
      @PathVariable String flowId, @RequestBody VerifyRequest body, HttpServletRequest request) {
    UUID methodId = required(body.methodId(), "methodId");
    if (body.code() != null && body.code().length() > 32) {
      throw ApiProblem.invalidField("code", "reset.problem.code");
    }
    Map<String, String> answers = new HashMap<>();
    if (body.answers() != null) {
      for (AnswerJson a : body.answers()) {
        if (a == null
            || a.questionId() == null
            || a.answer() == null
            || a.questionId().length() > 64
            || a.answer().length() > MAX_ANSWER
            || answers.put(a.questionId(), a.answer()) != null) {
          throw ApiProblem.invalidField("answers", "reset.problem.answers");
        }
      }
    }
    ResetProofs.Proof proof = new ResetProofs.Proof(body.code(), answers, body.credential());
    RequestOrigin origin = clientAddress.origin(request);
    ResetService.Current current = call(() -> reset.verify(flowId, methodId, proof, origin));
    return new VerifiedJson(current.flow().verified().size(), current.flow().remainingMethods());
  }

  @PostMapping("/flows/{flowId}/password/evaluate")
  PasswordEvaluation evaluate(@PathVariable String flowId, @RequestBody PasswordRequest body) {
    String password = password(body.newPassword());
    PasswordVerdict verdict = call(() -> reset.evaluate(flowId, password));
    return reasons.evaluation(verdict, LocaleContextHolder.getLocale());
  }

  @PostMapping("/flows/{flowId}/password")
  ResponseEntity<Void> password(
      @PathVariable String flowId, @RequestBody PasswordRequest body, HttpServletRequest request) {
    String password = password(body.newPassword());
    RequestOrigin origin = clientAddress.origin(request);
    try {
      call(
          () -> {
            reset.setPassword(flowId, password, origin);
            return null;
          });
    } catch (ResetService.PasswordRefused refused) {
      throw reasons.problem(refused.verdict(), LocaleContextHolder.getLocale());
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/flows/{flowId}/unlock")
  ResponseEntity<Void> unlock(@PathVariable String flowId, HttpServletRequest request) {
    RequestOrigin origin = clientAddress.origin(request);
    call(
        () -> {
          reset.unlock(flowId, origin);
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/contact-admin")
  ResponseEntity<Void> contactAdmin(@RequestBody ContactRequest body, HttpServletRequest request) {
    RequestOrigin origin = clientAddress.origin(request);
    if (body.flowId() != null) {
      String flowId = body.flowId();
      call(
          () -> {
            contact.fromFlow(flowId, origin);
            return null;
          });
    } else {
      String userId = userId(body.userId());
      call(
          () -> {
            contact.fromUserId(userId, body.captcha(), origin);
            return null;
          });
    }
    return ResponseEntity.accepted().build();
  }

  private FlowJson json(ResetService.Current current) {
    return new FlowJson(
        current.flow().id(),
        current.flow().requiredMethods(),
        current.flow().verified().size(),
        current.methods().stream().map(MethodJson::of).toList(),
        current.offered().stream().map(RegisteredMethod::id).toList(),
        current.canUnlock(),
        current.flow().expiresAt());
  }

  /** Runs a step and turns a refusal into the API's problem (SPEC §6 codes). */
  private <T> T call(Supplier<T> step) {
    try {
      return step.get();
    } catch (ResetRefused refused) {
      throw problem(refused);
    }
  }

  ApiProblem problem(ResetRefused refused) {
    Refusal refusal = refused.refusal();
    Map<String, Object> extra = new LinkedHashMap<>(refused.extra());
    if (refusal.entraCode() != null) {
      extra.put("entraCode", refusal.entraCode());
    }
    Instant retryAt = refused.retryAt();
    if (retryAt != null) {
      extra.put("retryAfter", Math.max(1, Duration.between(clock.instant(), retryAt).toSeconds()));
    }
    return new ApiProblem(
        refusal.status(), refusal.code(), "problem." + refusal.code(), new Object[0], extra);
  }

  private static String userId(@Nullable String userId) {
    if (userId == null || userId.isBlank()) {
      throw ApiProblem.invalidField("userId", "reset.problem.userId");
    }
    String trimmed = userId.strip();
    if (trimmed.length() > MAX_USER_ID) {
      throw ApiProblem.invalidField("userId", "reset.problem.userId");
    }
    return trimmed;
  }

  private static String password(@Nullable String password) {
    if (password == null || password.isEmpty()) {
      throw ApiProblem.invalidField("newPassword", "reset.problem.newPassword");
    }
    if (password.length() > MAX_PASSWORD) {
      throw ApiProblem.invalidField("newPassword", "reset.problem.newPassword.long");
    }
    return password;
  }

  private static <T> T required(@Nullable T value, String field) {
    if (value == null) {
      throw ApiProblem.invalidField(field, "reset.problem." + field);
    }
    return value;
  }
}

package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/me/authentication/securityQuestions}: the questions offered, and answering them.
 */
@RestController
@RequestMapping("/api/v1/me/authentication/securityQuestions")
class QuestionsApiController {

  record AnswersRequest(@Nullable List<QuestionRules.@Nullable AnswerInput> answers) {}

  private final QuestionCatalog catalog;
  private final QuestionMethods questions;
  private final ChangeGuard guard;
  private final ClientAddress clientAddress;

  QuestionsApiController(
      QuestionCatalog catalog,
      QuestionMethods questions,
      ChangeGuard guard,
      ClientAddress clientAddress) {
    this.catalog = catalog;
    this.questions = questions;
    this.guard = guard;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/available")
  List<QuestionCatalog.Question> available(
      @AuthenticationPrincipal SignedInUser user, Locale locale) {
    return offer(user, locale).questions();
  }

  @PutMapping
  MethodJson answer(
      @AuthenticationPrincipal SignedInUser user,
      @RequestBody AnswersRequest body,
      Locale locale,
      HttpSession session,
      HttpServletRequest request) {
    QuestionCatalog.Offer offer = offer(user, locale);
    if (body.answers() == null) {
      throw ApiProblem.invalidField("answers", "methods.questions.error.count", offer.required());
    }
    List<QuestionRules.AnswerInput> answers =
        body.answers().stream()
            .map(a -> a == null ? new QuestionRules.AnswerInput(null, null) : a)
            .toList();
    List<QuestionRules.Violation> violations = QuestionRules.check(answers, offer);
    if (!violations.isEmpty()) {
      throw invalid(violations.get(0));
    }
    guard.require(user, session);
    QuestionMethods.Saved saved =
        questions.save(user, offer, answers, clientAddress.origin(request));
    if (saved.method() == null) {
      throw invalid(saved.violations().get(0));
    }
    return MethodJson.of(saved.method());
  }

  private QuestionCatalog.Offer offer(SignedInUser user, Locale locale) {
    return catalog
        .offer(user.accountId(), locale)
        .orElseThrow(() -> new ApiProblem(HttpStatus.FORBIDDEN, "not_available"));
  }

  private static ApiProblem invalid(QuestionRules.Violation violation) {
    return new ApiProblem(
        HttpStatus.BAD_REQUEST,
        "invalid_request",
        violation.messageKey(),
        violation.arguments(),
        Map.of("field", violation.field()));
  }
}

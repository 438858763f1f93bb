package dev.rekey.methods.internal;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.methods.MethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.PredefinedQuestions;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The security questions a user may answer: the policy's chosen predefined questions, localised,
 * then its custom questions as the admin wrote them (SPEC §3).
 */
@Component
class QuestionCatalog {

  /** A question as offered: its stable id and its text in the request's language. */
  record Question(String id, String text) {}

  /** What a user may register: how many answers, from which questions. */
  record Offer(Account account, int required, List<Question> questions) {

    Offer {
      questions = List.copyOf(questions);
    }

    Optional<Question> question(String id) {
      return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
  }

  private final SsprPolicies policies;
  private final AccountDirectory directory;
  private final MessageSource messages;

  QuestionCatalog(SsprPolicies policies, AccountDirectory directory, MessageSource messages) {
    this.policies = policies;
    this.directory = directory;
    this.messages = messages;
  }

  /**
   * The offer for this user, or empty when the policy does not let them use questions (never for
   * administrators: SPEC §3 two-gate policy, see {@link DefaultSecurityInfo#availableTypes}).
   */
  Optional<Offer> offer(UUID accountId, Locale locale) {
    Optional<Account> account = directory.findById(accountId);
    if (account.isEmpty()) {
      return Optional.empty();
    }
    SsprPolicy policy = policies.get(account.get().tenantId());
    if (!DefaultSecurityInfo.availableTypes(account.get(), policy)
        .contains(MethodType.SECURITY_QUESTIONS)) {
      return Optional.empty();
    }
    List<Question> questions = new ArrayList<>();
    for (String id : policy.predefinedQuestionIds()) {
      questions.add(
          new Question(id, messages.getMessage(PredefinedQuestions.messageKey(id), null, locale)));
    }
    for (CustomQuestion custom : policy.customQuestions()) {
      if (custom.id() != null) {
        questions.add(new Question(custom.id(), custom.text()));
      }
    }
    return Optional.of(new Offer(account.get(), policy.questionsRequiredToRegister(), questions));
  }
}

package dev.rekey.methods.internal;

import dev.rekey.directory.Account;
import dev.rekey.methods.questions.Answers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The rules a set of answers must meet (SPEC §4); at most one complaint per field. */
final class QuestionRules {

  /** Longer input is refused before it is normalised (NFKC can expand a character 18-fold). */
  static final int MAX_INPUT = 400;

  private static final String PREFIX = "methods.questions.error.";
  private static final int MIN = Answers.MIN_LENGTH;
  private static final int MAX = Answers.MAX_LENGTH;

  /** One answer as the user gave it. */
  record AnswerInput(@Nullable String questionId, @Nullable String answer) {}

  /** What is wrong with one field, such as {@code answers[1].answer}, as a message key. */
  record Violation(String field, String messageKey, Object... arguments) {}

  private QuestionRules() {}

  static List<Violation> check(List<AnswerInput> answers, QuestionCatalog.Offer offer) {
    List<Violation> out = new ArrayList<>();
    if (answers.size() != offer.required()) {
      out.add(new Violation("answers", PREFIX + "count", offer.required()));
      return out;
    }
    Set<String> questions = new HashSet<>();
    Set<String> given = new HashSet<>();
    Set<String> names = names(offer.account());
    for (int i = 0; i < answers.size(); i++) {
      AnswerInput input = answers.get(i);
      String base = "answers[" + i + "].";
      String id = input.questionId();
      var question = id == null || id.isBlank() ? null : offer.question(id).orElse(null);
      if (id == null || id.isBlank()) {
        out.add(new Violation(base + "questionId", PREFIX + "question.required"));
      } else if (question == null) {
        out.add(new Violation(base + "questionId", PREFIX + "question.unknown"));
      } else if (!questions.add(id)) {
        out.add(new Violation(base + "questionId", PREFIX + "question.duplicate"));
      }
      String key = answerProblem(input.answer(), question, names, given);
      if (key != null) {
        out.add(
            new Violation(base + "answer", PREFIX + key, key.equals("answer.long") ? MAX : MIN));
      }
    }
    return out;
  }

  private static @Nullable String answerProblem(
      @Nullable String raw,
      QuestionCatalog.@Nullable Question question,
      Set<String> names,
      Set<String> given) {
    if (raw == null || raw.isBlank()) {
      return "answer.required";
    }
    if (raw.length() > MAX_INPUT) {
      return "answer.long";
    }
    String answer = Answers.normalise(raw);
    int length = Answers.length(answer);
    if (length < MIN) {
      return "answer.short";
    }
    if (length > MAX) {
      return "answer.long";
    }
    if (question != null && answer.contains(Answers.normalise(question.text()))) {
      return "answer.question";
    }
    // Anyone can look up a user's name and user ID, so they are no secret (ASVS 5.0 §6.2.11:
    // reject context-specific words). Only equality is refused: a city may share a word with a
    // name.
    if (names.contains(answer)) {
      return "answer.name";
    }
    if (!given.add(answer)) {
      return "answer.duplicate";
    }
    return null;
  }

  /** The user's UPN, its local part, display name, first and last name, normalised. */
  static Set<String> names(Account account) {
    String upn = account.upn();
    int at = upn.indexOf('@');
    Set<String> names = new HashSet<>();
    Stream.of(
            upn,
            at > 0 ? upn.substring(0, at) : upn,
            account.displayName(),
            account.firstName(),
            account.lastName())
        .filter(Objects::nonNull)
        .map(Answers::normalise)
        .filter(s -> !s.isEmpty())
        .forEach(names::add);
    return names;
  }
}

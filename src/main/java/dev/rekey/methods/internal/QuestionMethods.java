package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.questions.AnswerHashes;
import dev.rekey.methods.questions.Answers;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering security questions (SPEC §4): the user answers the policy's number of questions; each
 * normalised answer is hashed with Argon2id and the set is stored as one method. Saving again
 * replaces the set (a user has at most one).
 *
 * <p>Deliberately not a {@link MethodVerifier}: knowledge-based answers are no authenticator (NIST
 * SP 800-63B-4 §3.1 and OWASP ASVS 5.0 §6.4.2 forbid them), so they never count for a step-up. The
 * reset portal checks them as an extra factor through {@link QuestionChecks}.
 */
@Service
class QuestionMethods implements MethodRegistrar {

  /** The outcome of a save: the method, or what was wrong. */
  record Saved(@Nullable RegisteredMethod method, List<QuestionRules.Violation> violations) {}

  private final JdbcMethods store;
  private final AnswerHashes hashes;
  private final QuestionSetData data;
  private final SecurityInfoChanges changes;

  QuestionMethods(
      JdbcMethods store, AnswerHashes hashes, QuestionSetData data, SecurityInfoChanges changes) {
    this.store = store;
    this.hashes = hashes;
    this.data = data;
    this.changes = changes;
  }

  @Override
  public MethodType type() {
    return MethodType.SECURITY_QUESTIONS;
  }

  @Override
  public String path() {
    return QuestionMethodController.PAGE;
  }

  @Override
  public String labelKey() {
    return "methods.questions.add";
  }

  @Override
  public int order() {
    return 50;
  }

  boolean hasSet(UUID accountId) {
    return store.countActive(accountId, MethodType.SECURITY_QUESTIONS) > 0;
  }

  /** Validates, hashes and stores the answers, replacing any earlier set. */
  @Transactional
  Saved save(
      SignedInUser user,
      QuestionCatalog.Offer offer,
      List<QuestionRules.AnswerInput> answers,
      RequestOrigin origin) {
    List<QuestionRules.Violation> violations = QuestionRules.check(answers, offer);
    if (!violations.isEmpty()) {
      return new Saved(null, violations);
    }
    List<QuestionSetData.Entry> entries =
        answers.stream()
            .map(
                a ->
                    new QuestionSetData.Entry(
                        Objects.requireNonNull(a.questionId()),
                        hashes.hash(Answers.normalise(Objects.requireNonNull(a.answer())))))
            .toList();
    List<StoredMethod> earlier =
        store.active(user.accountId()).stream()
            .filter(m -> m.type() == MethodType.SECURITY_QUESTIONS)
            .toList();
    UUID id = UUID.randomUUID();
    // Only question ids and hashes are stored, never the question text or an answer (SPEC §4).
    store.insertPending(
        id,
        user.tenantId(),
        user.accountId(),
        MethodType.SECURITY_QUESTIONS,
        null,
        null,
        entries.size() + " questions",
        null,
        data.write(entries));
    // Activate the new set before removing the old one, so "registered" never dips in between.
    changes.activated(store.find(id, user.accountId()).orElseThrow(), origin);
    boolean wasDefault = earlier.stream().anyMatch(StoredMethod::isDefault);
    earlier.forEach(old -> store.delete(old.id(), user.accountId()));
    if (wasDefault) {
      store.makeDefault(id, user.accountId());
    }
    return new Saved(store.find(id, user.accountId()).orElseThrow().view(), List.of());
  }
}

package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;
import dev.rekey.methods.questions.AnswerHashes;
import dev.rekey.methods.questions.Answers;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Checks security-question answers, for the reset portal (SPEC §4): a random selection of the
 * user's questions, and a check of all answers together. Never for a step-up: see {@link
 * QuestionMethods}.
 */
@Service
class QuestionChecks {

  private final JdbcMethods store;
  private final QuestionSetData data;
  private final AnswerHashes hashes;

  QuestionChecks(JdbcMethods store, QuestionSetData data, AnswerHashes hashes) {
    this.store = store;
    this.data = data;
    this.hashes = hashes;
  }

  /**
   * {@code n} different question ids of the user's set, chosen at random (SPEC §4: a wrong answer
   * restarts with a fresh selection); fewer when the set is smaller, none for an unknown method.
   */
  List<String> pick(UUID accountId, UUID methodId, int n, SecureRandom random) {
    return store
        .find(methodId, accountId)
        .filter(m -> m.active() && m.type() == MethodType.SECURITY_QUESTIONS)
        .map(m -> pick(m, n, random))
        .orElse(List.of());
  }

  List<String> pick(StoredMethod method, int n, SecureRandom random) {
    List<String> ids =
        new ArrayList<>(data.read(method).stream().map(e -> e.questionId()).toList());
    Collections.shuffle(ids, random);
    return List.copyOf(ids.subList(0, Math.max(0, Math.min(n, ids.size()))));
  }

  /**
   * Whether every given answer is right. Every answer is hashed even after a wrong one, and an
   * unknown question costs a hash too, so the time taken does not tell which answer was wrong (ASVS
   * 5.0 §11.2.4, constant-time comparison of secrets).
   */
  boolean verify(StoredMethod method, Map<String, String> answers) {
    Map<String, String> stored = new HashMap<>();
    data.read(method).forEach(e -> stored.put(e.questionId(), e.hash()));
    boolean allRight = !answers.isEmpty() && !stored.isEmpty() && method.active();
    for (Map.Entry<String, String> given : answers.entrySet()) {
      String answer = Answers.normalise(given.getValue());
      String hash = stored.get(given.getKey());
      if (hash == null) {
        hashes.burn(answer);
        allRight = false;
      } else {
        boolean right = hashes.matches(answer, hash);
        allRight = right && allRight;
      }
    }
    if (allRight) {
      store.touch(method.id());
    }
    return allRight;
  }
}

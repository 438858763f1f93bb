package dev.rekey.methods;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Proving a registered method inside a reset flow (SPEC §5 step 4). The reset module keeps the
 * flow; this module knows the methods. Codes sent here are bound to the flow <em>and</em> the
 * method, so a code sent to one phone never proves another.
 */
public interface ResetProofs {

  /**
   * Starts proving a method: sends a code (phone, email), picks questions at random, or creates a
   * WebAuthn challenge. The answer's {@link Challenge#state()} must be handed back to {@link
   * #verify}.
   *
   * @param typedPhoneNumber for a phone: the full number the user typed (must match)
   * @throws ProofRefused when the method cannot be started (unknown, wrong number, not sent)
   */
  Challenge challenge(
      Account account,
      UUID methodId,
      String flowId,
      @Nullable String typedPhoneNumber,
      int questionsRequired);

  /**
   * Checks a proof against the state of the challenge that preceded it. A proof is used up: a code
   * or an assertion is accepted once only, an app code never twice.
   */
  boolean verify(
      Account account,
      UUID methodId,
      String flowId,
      @Nullable String state,
      Proof proof,
      RequestOrigin origin);

  /** What the user must do next for a method. */
  record Challenge(
      UUID methodId,
      MethodType type,
      List<Question> questions,
      @Nullable JsonNode publicKey,
      @Nullable String state) {

    public Challenge {
      questions = List.copyOf(questions);
    }
  }

  /**
   * A security question to answer, in the request's language. Serializable: pages carry the
   * questions asked across a redirect in the (database-stored) session.
   */
  record Question(String id, String text) implements java.io.Serializable {}

  /** What the user sends: a code, answers by question id, or a WebAuthn assertion. */
  record Proof(@Nullable String code, Map<String, String> answers, @Nullable JsonNode credential) {

    public Proof {
      answers = Map.copyOf(answers);
    }
  }

  /** Why a challenge could not start; the code is the API's {@code code}. */
  final class ProofRefused extends RuntimeException {

    private final String code;

    public ProofRefused(String code) {
      super(code);
      this.code = code;
    }

    public String code() {
      return code;
    }
  }
}

package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.methods.OneTimeCodes;
import dev.rekey.methods.ResetProofs;
import dev.rekey.methods.phone.PhoneNumber;
import dev.rekey.methods.phone.PhoneNumberRejected;
import dev.rekey.methods.phone.PhoneNumbers;
import dev.rekey.methods.webauthn.Base64Url;
import dev.rekey.methods.webauthn.CredentialJson;
import dev.rekey.methods.webauthn.MalformedCredential;
import dev.rekey.methods.webauthn.VerificationFailed;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.PredefinedQuestions;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Proves methods for the reset portal. Codes are issued for the pair (flow, method); the WebAuthn
 * challenge and the questions picked are handed to the reset module as opaque state and checked
 * against it, so the flow (kept in the database) can continue on any node.
 */
@Service
class DefaultResetProofs implements ResetProofs {

  static final String PHONE = "reset-phone";
  static final String EMAIL = "reset-email";
  private static final int CHALLENGE_BYTES = 32;

  private final JdbcMethods store;
  private final AppMethods apps;
  private final PhoneCodeSender phones;
  private final EmailCodes emails;
  private final OneTimeCodes codes;
  private final QuestionChecks questions;
  private final SecurityKeyAssertions assertions;
  private final SsprPolicies policies;
  private final MessageSource messages;
  private final SecureRandom random;
  private final JsonMapper json;

  DefaultResetProofs(
      JdbcMethods store,
      AppMethods apps,
      PhoneCodeSender phones,
      EmailCodes emails,
      OneTimeCodes codes,
      QuestionChecks questions,
      SecurityKeyAssertions assertions,
      SsprPolicies policies,
      MessageSource messages,
      SecureRandom random,
      JsonMapper json) {
    this.store = store;
    this.apps = apps;
    this.phones = phones;
    this.emails = emails;
    this.codes = codes;
    this.questions = questions;
    this.assertions = assertions;
    this.policies = policies;
    this.messages = messages;
    this.random = random;
    this.json = json;
  }

  @Override
  public Challenge challenge(
      Account account,
      UUID methodId,
      String flowId,
      @Nullable String typedPhoneNumber,
      int questionsRequired) {
    StoredMethod method = active(account, methodId).orElseThrow(() -> refused("method_not_found"));
    return switch (method.type()) {
      case SOFTWARE_OATH -> new Challenge(methodId, method.type(), List.of(), null, null);
      case PHONE -> {
        if (!sameNumber(method, typedPhoneNumber)) {
          throw refused("phone_mismatch");
        }
        try {
          phones.send(method, PHONE, subject(flowId, methodId));
        } catch (ApiProblem e) {
          throw refused(e.code());
        }
        yield new Challenge(methodId, method.type(), List.of(), null, null);
      }
      case EMAIL -> {
        if (!emails.send(
            EMAIL, subject(flowId, methodId), emails.address(method), method.tenantId())) {
          throw refused("delivery_failed");
        }
        yield new Challenge(methodId, method.type(), List.of(), null, null);
      }
      case FIDO2 -> {
        byte[] challenge = new byte[CHALLENGE_BYTES];
        random.nextBytes(challenge);
        JsonNode options = json.valueToTree(assertions.options(List.of(method), challenge));
        yield new Challenge(
            methodId, method.type(), List.of(), options, Base64Url.encode(challenge));
      }
      case SECURITY_QUESTIONS -> {
        SsprPolicy policy = policies.get(account.tenantId());
        Locale locale = LocaleContextHolder.getLocale();
        // Only questions the tenant still offers can be asked: a removed custom question has no
        // text to show any more.
        List<Question> asked = new ArrayList<>();
        for (String id : questions.pick(method, Integer.MAX_VALUE, random)) {
          if (asked.size() == questionsRequired) {
            break;
          }
          text(id, policy, locale).ifPresent(text -> asked.add(new Question(id, text)));
        }
        if (asked.size() < questionsRequired) {
          throw refused("method_not_found");
        }
        String state = String.join(",", asked.stream().map(Question::id).toList());
        yield new Challenge(methodId, method.type(), asked, null, state);
      }
    };
  }

  @Override
  public boolean verify(
      Account account,
      UUID methodId,
      String flowId,
      @Nullable String state,
      Proof proof,
      RequestOrigin origin) {
    Optional<StoredMethod> found = active(account, methodId);
    if (found.isEmpty()) {
      return false;
    }
    StoredMethod method = found.get();
    return switch (method.type()) {
      case SOFTWARE_OATH -> proof.code() != null && apps.verify(method, proof.code());
      case PHONE -> code(PHONE, flowId, method, proof);
      case EMAIL -> code(EMAIL, flowId, method, proof);
      case FIDO2 -> assertion(method, state, proof, origin);
      case SECURITY_QUESTIONS -> answers(method, state, proof);
    };
  }

  private boolean code(String purpose, String flowId, StoredMethod method, Proof proof) {
    if (proof.code() == null
        || codes.verify(purpose, subject(flowId, method.id()), proof.code())
            != OneTimeCodes.Check.ACCEPTED) {
      return false;
    }
    store.touch(method.id());
    return true;
  }

  private boolean assertion(
      StoredMethod method, @Nullable String state, Proof proof, RequestOrigin origin) {
    if (state == null || proof.credential() == null) {
      return false;
    }
    try {
      CredentialJson.Assertion assertion = CredentialJson.assertion(proof.credential());
      byte[] challenge = Base64Url.decode(state).orElse(null);
      if (challenge == null) {
        return false;
      }
      assertions.verify(method, assertion, challenge, origin);
      store.touch(method.id());
      return true;
    } catch (MalformedCredential | VerificationFailed | IllegalArgumentException e) {
      return false;
    }
  }

  /** All the picked questions, and only those, answered right (SPEC §4). */
  private boolean answers(StoredMethod method, @Nullable String state, Proof proof) {
    if (state == null || state.isEmpty()) {
      return false;
    }
    List<String> asked = Arrays.asList(state.split(","));
    Map<String, String> given = new HashMap<>();
    for (String id : asked) {
      given.put(id, proof.answers().getOrDefault(id, ""));
    }
    boolean exactlyAsked = new HashSet<>(asked).equals(proof.answers().keySet());
    return questions.verify(method, given) && exactlyAsked;
  }

  /**
   * Whether the typed number is the registered one (SPEC §4: the user types the full number first).
   * Parsed with the registered number's country code as default, so national notation works;
   * compared in constant time.
   */
  private boolean sameNumber(StoredMethod method, @Nullable String typed) {
    if (typed == null || typed.isBlank()) {
      return false;
    }
    PhoneNumber registered = PhoneNumbers.parse(phones.number(method), null);
    try {
      PhoneNumber given = PhoneNumbers.parse(typed, registered.countryCallingCode());
      return MessageDigest.isEqual(
          given.e164().getBytes(StandardCharsets.US_ASCII),
          registered.e164().getBytes(StandardCharsets.US_ASCII));
    } catch (PhoneNumberRejected e) {
      return false;
    }
  }

  private Optional<String> text(String questionId, SsprPolicy policy, Locale locale) {
    if (PredefinedQuestions.isKnown(questionId)) {
      return Optional.of(
          messages.getMessage(PredefinedQuestions.messageKey(questionId), null, locale));
    }
    return policy.customQuestions().stream()
        .filter(q -> questionId.equals(q.id()))
        .map(CustomQuestion::text)
        .findFirst();
  }

  private Optional<StoredMethod> active(Account account, UUID methodId) {
    return store.find(methodId, account.id()).filter(StoredMethod::active);
  }

  /** The one-time-code subject for a method within a flow. */
  static UUID subject(String flowId, UUID methodId) {
    return UUID.nameUUIDFromBytes((flowId + ":" + methodId).getBytes(StandardCharsets.UTF_8));
  }

  private static ProofRefused refused(String code) {
    return new ProofRefused(code);
  }
}

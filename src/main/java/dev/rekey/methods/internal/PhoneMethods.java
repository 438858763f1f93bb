package dev.rekey.methods.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.phone.PhoneMasks;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Text message and phone call (SPEC §4): the user enters a number, gets an 8-digit code by text or
 * call and enters it. The number is encrypted at rest and shown masked; the delivery preference is
 * kept in the row's {@code data}.
 */
@Service
class PhoneMethods implements MethodRegistrar {

  static final String REGISTER = "register-phone";

  /** A registration waiting for its code, as the code page shows it. */
  record Pending(UUID id, String hint, String phoneType, String delivery) {}

  private final JdbcMethods store;
  private final SecretCipher cipher;
  private final OneTimeCodes codes;
  private final PhoneRules rules;
  private final PhoneCodeSender sender;
  private final SecurityInfoChanges changes;

  PhoneMethods(
      JdbcMethods store,
      SecretCipher cipher,
      OneTimeCodes codes,
      PhoneRules rules,
      PhoneCodeSender sender,
      SecurityInfoChanges changes) {
    this.store = store;
    this.cipher = cipher;
    this.codes = codes;
    this.rules = rules;
    this.sender = sender;
    this.changes = changes;
  }

  @Override
  public MethodType type() {
    return MethodType.PHONE;
  }

  @Override
  public String path() {
    return "/security-info/phone";
  }

  @Override
  public String labelKey() {
    return "methods.add.phone";
  }

  @Override
  public int order() {
    return 10;
  }

  /** Starts a registration and sends its first code; nothing is kept when sending fails. */
  Pending start(SignedInUser user, PhoneChoice choice) {
    rules.check(user, choice);
    sender.checkCountry(choice.number());
    UUID id = UUID.randomUUID();
    // The number is personal data: encrypted at rest and bound to this row (SPEC §4, ASVS 5.0 §14).
    byte[] secret =
        cipher.encrypt(
            choice.number().e164().getBytes(StandardCharsets.UTF_8),
            StoredMethod.context(id, MethodType.PHONE));
    store.insertPending(
        id,
        user.tenantId(),
        user.accountId(),
        MethodType.PHONE,
        choice.type().code(),
        null,
        PhoneMasks.mask(choice.number().e164()),
        secret,
        choice.delivery().toData());
    StoredMethod pending = store.find(id, user.accountId()).orElseThrow();
    try {
      send(pending, REGISTER);
    } catch (ApiProblem e) {
      store.delete(id, user.accountId()); // nothing was sent: no registration to finish
      throw e;
    }
    return view(pending);
  }

  /** Sends a new code for a pending registration; the failure count stays (SPEC §4). */
  Pending resend(SignedInUser user, UUID id) {
    StoredMethod pending = findPending(user, id).orElseThrow(PhoneMethods::notFound);
    send(pending, REGISTER);
    return view(pending);
  }

  Optional<Pending> pending(SignedInUser user, UUID id) {
    return findPending(user, id).map(PhoneMethods::view);
  }

  /**
   * Confirms a pending registration with its code.
   *
   * @throws ApiProblem 404 {@code method_not_found}, 400 {@code verification_failed} or {@code
   *     code_expired}, 429 {@code too_many_attempts} (the registration is gone), 409 {@code
   *     method_limit_reached}
   */
  RegisteredMethod confirm(SignedInUser user, UUID id, String code, RequestOrigin origin) {
    StoredMethod pending = findPending(user, id).orElseThrow(PhoneMethods::notFound);
    switch (codes.verify(REGISTER, id, code)) {
      case ACCEPTED -> {}
      case EXPIRED ->
          throw new ApiProblem(
              HttpStatus.BAD_REQUEST,
              "code_expired",
              "methods.phone.problem.code_expired",
              new Object[0],
              java.util.Map.of());
      case WRONG -> {
        // At most 5 wrong codes per registration, resends included (NIST SP 800-63B-4 §3.2.2).
        if (store.failedAttempt(id) < OneTimeCodes.MAX_FAILURES) {
          throw new ApiProblem(HttpStatus.BAD_REQUEST, "verification_failed");
        }
        store.delete(id, user.accountId());
        throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts");
      }
      case TOO_MANY_FAILURES -> {
        store.delete(id, user.accountId());
        throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts");
      }
    }
    rules.checkLimit(user, PhoneType.fromCode(pending.phoneType()).orElseThrow());
    changes.activated(pending, origin);
    return store.find(id, user.accountId()).map(StoredMethod::view).orElseThrow();
  }

  private void send(StoredMethod method, String purpose) {
    try {
      sender.send(method, purpose);
    } catch (ApiProblem e) {
      if (!method.active() && "delivery_failed".equals(e.code())) {
        store.delete(method.id(), method.accountId()); // never leave a registration nobody can end
      }
      throw e;
    }
  }

  private Optional<StoredMethod> findPending(SignedInUser user, UUID id) {
    return store
        .find(id, user.accountId())
        .filter(m -> !m.active() && m.type() == MethodType.PHONE && m.secret() != null);
  }

  private static Pending view(StoredMethod m) {
    return new Pending(
        m.id(), m.hint(), String.valueOf(m.phoneType()), PhoneDelivery.fromData(m.data()).code());
  }

  private static ApiProblem notFound() {
    return new ApiProblem(HttpStatus.NOT_FOUND, "method_not_found");
  }
}

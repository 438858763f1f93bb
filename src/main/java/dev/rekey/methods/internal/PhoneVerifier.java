package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import org.springframework.stereotype.Component;

/**
 * Proves a registered phone for step-up: a fresh 8-digit code by the phone's delivery preference
 * (text or call), accepted once (SPEC §4). Budgets and the allow-list apply to every code sent.
 */
@Component
class PhoneVerifier implements MethodVerifier {

  static final String STEP_UP = "stepup-phone";

  private final OneTimeCodes codes;
  private final PhoneCodeSender sender;
  private final JdbcMethods store;

  PhoneVerifier(OneTimeCodes codes, PhoneCodeSender sender, JdbcMethods store) {
    this.codes = codes;
    this.sender = sender;
    this.store = store;
  }

  @Override
  public MethodType type() {
    return MethodType.PHONE;
  }

  @Override
  public boolean needsChallenge() {
    return true;
  }

  /**
   * @throws dev.rekey.common.ApiProblem 429 {@code sms_budget_exceeded} or 503 {@code
   *     delivery_failed} when no code could be sent
   */
  @Override
  public void challenge(StoredMethod method) {
    sender.send(method, STEP_UP);
  }

  @Override
  public boolean verify(StoredMethod method, String code) {
    if (codes.verify(STEP_UP, method.id(), code) != OneTimeCodes.Check.ACCEPTED) {
      return false;
    }
    store.touch(method.id());
    return true;
  }
}

package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import org.springframework.stereotype.Component;

/** Step-up with the alternate email: a code is emailed to the registered address. */
@Component
class EmailVerifier implements MethodVerifier {

  static final String PURPOSE = "stepup-email";

  private final EmailCodes mail;
  private final OneTimeCodes codes;
  private final JdbcMethods store;

  EmailVerifier(EmailCodes mail, OneTimeCodes codes, JdbcMethods store) {
    this.mail = mail;
    this.codes = codes;
    this.store = store;
  }

  @Override
  public MethodType type() {
    return MethodType.EMAIL;
  }

  @Override
  public boolean needsChallenge() {
    return true;
  }

  @Override
  public void challenge(StoredMethod method) {
    mail.send(PURPOSE, method);
  }

  /** A code is accepted once (OneTimeCodes marks it used); StepUp limits wrong tries. */
  @Override
  public boolean verify(StoredMethod method, String code) {
    if (codes.verify(PURPOSE, method.id(), code) != OneTimeCodes.Check.ACCEPTED) {
      return false;
    }
    store.touch(method.id());
    return true;
  }
}

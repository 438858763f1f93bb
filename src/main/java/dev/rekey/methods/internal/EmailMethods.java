package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.OneTimeCodes;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.email.EmailAddress;
import dev.rekey.tenant.Tenants;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The alternate email (SPEC §4): an address outside the tenant's own domains, proven with an
 * emailed 8-digit code. The address is encrypted at rest; users and admins see it only masked.
 */
@Service
class EmailMethods {

  static final int MAX_EMAILS = 1;
  static final String REGISTER = "register-email";

  /** What a registration step answers: the pending method, the new method, or why not. */
  record Outcome(
      EmailRefusal refusal,
      @Nullable UUID id,
      @Nullable String hint,
      @Nullable RegisteredMethod method,
      @Nullable String domain) {

    static Outcome refused(EmailRefusal refusal) {
      return new Outcome(refusal, null, null, null, null);
    }
  }

  private final JdbcMethods store;
  private final SecretCipher cipher;
  private final Tenants tenants;
  private final OneTimeCodes codes;
  private final EmailCodes mail;
  private final SecurityInfoChanges changes;

  EmailMethods(
      JdbcMethods store,
      SecretCipher cipher,
      Tenants tenants,
      OneTimeCodes codes,
      EmailCodes mail,
      SecurityInfoChanges changes) {
    this.store = store;
    this.cipher = cipher;
    this.tenants = tenants;
    this.codes = codes;
    this.mail = mail;
    this.changes = changes;
  }

  boolean limitReached(UUID accountId) {
    return store.countActive(accountId, MethodType.EMAIL) >= MAX_EMAILS;
  }

  /** Checks the address, stores it encrypted as a pending method and emails it a code. */
  Outcome start(SignedInUser user, @Nullable String text) {
    if (limitReached(user.accountId())) {
      return Outcome.refused(EmailRefusal.LIMIT_REACHED);
    }
    EmailAddress.Parsed parsed = EmailAddress.parse(text == null ? "" : text);
    if (parsed.address().isEmpty()) {
      return Outcome.refused(EmailRefusal.of(parsed.problem().orElseThrow()));
    }
    EmailAddress address = parsed.address().get();
    // An address in the organisation's own domains falls with the account it should rescue
    // (SPEC §4), so neither the tenant's domains nor their subdomains are accepted.
    var tenant = tenants.findById(user.tenantId()).orElseThrow();
    Optional<String> own = address.inDomainOf(tenant.domains());
    if (own.isPresent() || tenant.ownsDomain(address.domain())) {
      return new Outcome(
          EmailRefusal.TENANT_DOMAIN, null, null, null, own.orElse(address.domain()));
    }
    UUID id = UUID.randomUUID();
    store.insertPending(
        id,
        user.tenantId(),
        user.accountId(),
        MethodType.EMAIL,
        null,
        null,
        address.masked(),
        cipher.encrypt(
            address.value().getBytes(StandardCharsets.UTF_8),
            StoredMethod.context(id, MethodType.EMAIL)),
        null);
    if (!mail.send(REGISTER, id, address.value(), user.tenantId())) {
      store.delete(id, user.accountId());
      return Outcome.refused(EmailRefusal.DELIVERY_FAILED);
    }
    return new Outcome(EmailRefusal.NONE, id, address.masked(), null, null);
  }

  /** A still-pending registration of this user. */
  Optional<StoredMethod> pending(SignedInUser user, UUID id) {
    return store
        .find(id, user.accountId())
        .filter(m -> !m.active() && m.type() == MethodType.EMAIL && m.secret() != null);
  }

  /** Sends a new code; the failure count of the old one is kept (SPEC §4). */
  Outcome resend(SignedInUser user, UUID id) {
    Optional<StoredMethod> pending = pending(user, id);
    if (pending.isEmpty()) {
      return Outcome.refused(EmailRefusal.NOT_FOUND);
    }
    if (!mail.send(REGISTER, pending.get())) {
      return Outcome.refused(EmailRefusal.DELIVERY_FAILED);
    }
    return new Outcome(EmailRefusal.NONE, id, pending.get().hint(), null, null);
  }

  /** Activates a pending address when the code is right. */
  Outcome confirm(SignedInUser user, UUID id, String code, RequestOrigin origin) {
    Optional<StoredMethod> pending = pending(user, id);
    if (pending.isEmpty()) {
      return Outcome.refused(EmailRefusal.NOT_FOUND);
    }
    if (limitReached(user.accountId())) {
      return Outcome.refused(EmailRefusal.LIMIT_REACHED);
    }
    EmailRefusal refusal =
        switch (codes.verify(REGISTER, id, code)) {
          case ACCEPTED -> EmailRefusal.NONE;
          case EXPIRED -> EmailRefusal.CODE_EXPIRED;
          case TOO_MANY_FAILURES -> EmailRefusal.TOO_MANY_ATTEMPTS;
          // At most 5 wrong codes per registration, resends included (NIST SP 800-63B-4 §3.2.2).
          case WRONG ->
              store.failedAttempt(id) >= OneTimeCodes.MAX_FAILURES
                  ? EmailRefusal.TOO_MANY_ATTEMPTS
                  : EmailRefusal.WRONG_CODE;
        };
    if (refusal == EmailRefusal.TOO_MANY_ATTEMPTS) {
      store.delete(id, user.accountId());
    }
    if (refusal != EmailRefusal.NONE) {
      return new Outcome(refusal, id, pending.get().hint(), null, null);
    }
    changes.activated(pending.get(), origin);
    RegisteredMethod method =
        store.find(id, user.accountId()).map(StoredMethod::view).orElseThrow();
    return new Outcome(EmailRefusal.NONE, id, method.hint(), method, null);
  }
}

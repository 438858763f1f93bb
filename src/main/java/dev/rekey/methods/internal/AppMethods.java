package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.crypto.SecretCipher;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.totp.OtpauthUri;
import dev.rekey.methods.totp.QrCodes;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.methods.totp.TotpVerifier;
import dev.rekey.tenant.Tenants;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The authenticator app (TOTP, RFC 6238): registration shows a QR code and the secret, and the user
 * proves possession by entering a current code. Secrets are encrypted at rest (SPEC §4).
 */
@Service
class AppMethods implements MethodVerifier, MethodRegistrar {

  static final int MAX_APPS = 5;
  static final int MAX_WRONG_CODES = 5;

  /** What a started registration shows the user; the secret is shown this once only. */
  record Pending(UUID id, String secret, String otpauthUri, String qrCode) {}

  /** Why a registration step was refused. */
  enum Refusal {
    NONE,
    LIMIT_REACHED,
    NOT_FOUND,
    WRONG_CODE
  }

  private final JdbcMethods store;
  private final SecretCipher cipher;
  private final TotpSecrets secrets;
  private final TotpVerifier totp;
  private final Tenants tenants;
  private final SecurityInfoChanges changes;

  AppMethods(
      JdbcMethods store,
      SecretCipher cipher,
      TotpSecrets secrets,
      TotpVerifier totp,
      Tenants tenants,
      SecurityInfoChanges changes) {
    this.store = store;
    this.cipher = cipher;
    this.secrets = secrets;
    this.totp = totp;
    this.tenants = tenants;
    this.changes = changes;
  }

  @Override
  public MethodType type() {
    return MethodType.SOFTWARE_OATH;
  }

  @Override
  public String path() {
    return "/security-info/app";
  }

  @Override
  public String labelKey() {
    return "methods.add.app";
  }

  @Override
  public int order() {
    return 20;
  }

  /** Starts a registration, or refuses when the user has the maximum of 5 apps. */
  Optional<Pending> start(SignedInUser user, String hint) {
    if (store.countActive(user.accountId(), MethodType.SOFTWARE_OATH) >= MAX_APPS) {
      return Optional.empty();
    }
    byte[] secret = secrets.generate();
    UUID id = UUID.randomUUID();
    // The secret is encrypted before it is stored, bound to this row (SPEC §4).
    store.insertPending(
        id,
        user.tenantId(),
        user.accountId(),
        MethodType.SOFTWARE_OATH,
        null,
        null,
        hint,
        cipher.encrypt(secret, StoredMethod.context(id, MethodType.SOFTWARE_OATH)),
        null);
    return Optional.of(pending(user, id, secret));
  }

  /** Shows a still-pending registration again (after a wrong code). */
  Optional<Pending> pending(SignedInUser user, UUID id) {
    return store
        .find(id, user.accountId())
        .filter(m -> !m.active() && m.type() == MethodType.SOFTWARE_OATH && m.secret() != null)
        .map(
            m ->
                pending(
                    user,
                    id,
                    cipher.decrypt(
                        m.secret(), StoredMethod.context(id, MethodType.SOFTWARE_OATH))));
  }

  private Pending pending(SignedInUser user, UUID id, byte[] secret) {
    String tenantName = tenants.findById(user.tenantId()).map(t -> t.name()).orElse("");
    String uri = OtpauthUri.of(tenantName, user.upn(), secret).toUri();
    return new Pending(id, TotpSecrets.display(secret), uri, QrCodes.dataUrl(uri));
  }

  /** Confirms a pending registration with a current code. */
  Result confirm(SignedInUser user, UUID id, String code, RequestOrigin origin) {
    Optional<StoredMethod> pending =
        store
            .find(id, user.accountId())
            .filter(m -> !m.active() && m.type() == MethodType.SOFTWARE_OATH);
    if (pending.isEmpty()) {
      return Result.refused(Refusal.NOT_FOUND);
    }
    if (store.countActive(user.accountId(), MethodType.SOFTWARE_OATH) >= MAX_APPS) {
      return Result.refused(Refusal.LIMIT_REACHED);
    }
    if (!verify(pending.get(), code)) {
      // At most 5 wrong codes per registration; then it is gone and must be started again.
      if (store.failedAttempt(id) >= MAX_WRONG_CODES) {
        store.delete(id, user.accountId());
        return Result.refused(Refusal.NOT_FOUND);
      }
      return Result.refused(Refusal.WRONG_CODE);
    }
    changes.activated(pending.get(), origin);
    return new Result(
        store.find(id, user.accountId()).map(StoredMethod::view).orElseThrow(), Refusal.NONE);
  }

  record Result(@Nullable RegisteredMethod method, Refusal refusal) {
    static Result refused(Refusal refusal) {
      return new Result(null, refusal);
    }
  }

  /** A current code, never one already used: the matched time step must be newer than the last. */
  @Override
  public boolean verify(StoredMethod method, String code) {
    if (method.secret() == null) {
      return false;
    }
    byte[] secret =
        cipher.decrypt(
            method.secret(), StoredMethod.context(method.id(), MethodType.SOFTWARE_OATH));
    long last = method.totpLastStep() == null ? TotpVerifier.NO_STEP_USED : method.totpLastStep();
    OptionalLong step = totp.verify(secret, code, last);
    return step.isPresent() && store.advanceTotpStep(method.id(), step.getAsLong());
  }
}

package dev.rekey.methods.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.SignedInUser;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.RegisteredMethod;
import dev.rekey.methods.webauthn.Base64Url;
import dev.rekey.methods.webauthn.CredentialJson;
import dev.rekey.methods.webauthn.RelyingParty;
import dev.rekey.methods.webauthn.StoredCredential;
import dev.rekey.methods.webauthn.VerificationFailed;
import dev.rekey.methods.webauthn.WebAuthnOptions;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Security keys and passkeys (SPEC §4): registered with a WebAuthn ceremony once the user has
 * another method, at most 10, each named by the user. Nothing about a key is secret: its data
 * (credential ID, public key, counter, transports, AAGUID) is kept as JSON.
 */
@Service
class SecurityKeyMethods implements MethodRegistrar {

  static final int MAX_KEYS = 10;
  static final int MAX_NAME = 64;
  static final int USER_HANDLE_BYTES = 32;

  /** Why a registration cannot start or finish. */
  enum Refusal {
    OTHER_METHOD_REQUIRED,
    LIMIT_REACHED,
    DUPLICATE
  }

  /** A registration refused for a reason the user can act on. */
  static final class Refused extends Exception {
    final Refusal refusal;

    Refused(Refusal refusal) {
      super(refusal.name());
      this.refusal = refusal;
    }
  }

  private final JdbcMethods store;
  private final SecurityKeyChallenges challenges;
  private final RelyingParty relyingParty;
  private final SecurityInfoChanges changes;
  private final SecureRandom random;

  SecurityKeyMethods(
      JdbcMethods store,
      SecurityKeyChallenges challenges,
      RelyingParty relyingParty,
      SecurityInfoChanges changes,
      SecureRandom random) {
    this.store = store;
    this.challenges = challenges;
    this.relyingParty = relyingParty;
    this.changes = changes;
    this.random = random;
  }

  @Override
  public MethodType type() {
    return MethodType.FIDO2;
  }

  @Override
  public String path() {
    return SecurityKeyController.PAGE;
  }

  @Override
  public String labelKey() {
    return "methods.add.fido2";
  }

  @Override
  public int order() {
    return 30;
  }

  /**
   * Whether the user may add a key now: a security key is never the only way in, so at least one
   * method of another kind must be active first (SPEC §4), and there are at most 10 keys.
   */
  Optional<Refusal> refusal(UUID accountId) {
    List<StoredMethod> active = store.active(accountId);
    if (active.stream().noneMatch(m -> m.type() != MethodType.FIDO2)) {
      return Optional.of(Refusal.OTHER_METHOD_REQUIRED);
    }
    if (active.stream().filter(m -> m.type() == MethodType.FIDO2).count() >= MAX_KEYS) {
      return Optional.of(Refusal.LIMIT_REACHED);
    }
    return Optional.empty();
  }

  /** Creation options with a fresh challenge kept in the session. */
  WebAuthnOptions.Creation creationOptions(SignedInUser user, HttpSession session) {
    List<StoredCredential> existing = credentials(user.accountId());
    byte[] userHandle = userHandle(existing);
    byte[] challenge =
        challenges.issue(
            session, SecurityKeyChallenges.Purpose.REGISTRATION, user.accountId(), userHandle);
    return relyingParty.creationOptions(
        challenge, userHandle, user.upn(), user.displayName(), existing);
  }

  /** Verifies the browser's answer to the pending challenge and adds the key, active. */
  @Transactional
  RegisteredMethod register(
      SignedInUser user,
      String name,
      CredentialJson.Registration response,
      HttpSession session,
      RequestOrigin origin)
      throws VerificationFailed, Refused {
    var pending =
        challenges
            .take(session, SecurityKeyChallenges.Purpose.REGISTRATION, user.accountId())
            .orElseThrow(() -> new VerificationFailed(VerificationFailed.Reason.CHALLENGE));
    StoredCredential credential =
        relyingParty.verifyRegistration(response, pending.challenge(), pending.userHandle());
    Optional<Refusal> refusal = refusal(user.accountId());
    if (refusal.isPresent()) {
      throw new Refused(refusal.get());
    }
    // One credential ID once per user (WebAuthn §7.1 step 22); sign-in never looks keys up across
    // accounts, so an ID reused by another account cannot stand in for this user's key.
    if (credentials(user.accountId()).stream()
        .anyMatch(c -> c.credentialId().equals(credential.credentialId()))) {
      throw new Refused(Refusal.DUPLICATE);
    }
    UUID id = UUID.randomUUID();
    store.insertPending(
        id,
        user.tenantId(),
        user.accountId(),
        MethodType.FIDO2,
        null,
        name,
        name,
        null,
        credential.toJson());
    changes.activated(store.find(id, user.accountId()).orElseThrow(), origin);
    return store.find(id, user.accountId()).map(StoredMethod::view).orElseThrow();
  }

  /** The user's active keys. */
  List<StoredMethod> keys(UUID accountId) {
    return store.active(accountId).stream()
        .filter(m -> m.type() == MethodType.FIDO2 && m.data() != null)
        .toList();
  }

  private List<StoredCredential> credentials(UUID accountId) {
    return keys(accountId).stream().map(SecurityKeyAssertions::credential).toList();
  }

  /**
   * The WebAuthn user handle: random, not derived from the account, so it reveals nothing (WebAuthn
   * §14.6.1); all of a user's keys share the first key's handle.
   */
  private byte[] userHandle(List<StoredCredential> existing) {
    return existing.stream()
        .findFirst()
        .flatMap(c -> Base64Url.decode(c.userHandle()))
        .orElseGet(
            () -> {
              byte[] handle = new byte[USER_HANDLE_BYTES];
              random.nextBytes(handle);
              return handle;
            });
  }
}

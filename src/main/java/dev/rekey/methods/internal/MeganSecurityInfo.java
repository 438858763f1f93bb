package dev.rekey.methods.internal;

import dev.rekey.crypto.SecretCipher;
import dev.rekey.demo.DemoSetup;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.methods.MethodType;
import dev.rekey.methods.email.EmailAddress;
import dev.rekey.methods.totp.TotpSecrets;
import dev.rekey.tenant.Tenant;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Megan's security info in the demo tenant (SPEC §10): an authenticator app (her default) and the
 * alternate email {@code megan@fabrikam.example}. Seeded directly: no events, no emails, no audit.
 */
@Component
class MeganSecurityInfo implements DemoSetup {

  static final String UPN = "megan@contoso.com";
  static final String ALTERNATE_EMAIL = "megan@fabrikam.example";

  private final AccountDirectory directory;
  private final JdbcMethods store;
  private final SecretCipher cipher;
  private final TotpSecrets secrets;

  MeganSecurityInfo(
      AccountDirectory directory, JdbcMethods store, SecretCipher cipher, TotpSecrets secrets) {
    this.directory = directory;
    this.store = store;
    this.cipher = cipher;
    this.secrets = secrets;
  }

  @Override
  public void configure(Tenant tenant, Group ssprUsers) {
    var megan = directory.findByUserId(UPN).orElse(null);
    if (megan == null) {
      return;
    }
    add(tenant, megan.id(), MethodType.SOFTWARE_OATH, "Authenticator app", secrets.generate());
    EmailAddress email = EmailAddress.parse(ALTERNATE_EMAIL).address().orElseThrow();
    add(
        tenant,
        megan.id(),
        MethodType.EMAIL,
        email.masked(),
        email.value().getBytes(StandardCharsets.UTF_8));
    store.reviewed(megan.id());
  }

  private void add(Tenant tenant, UUID accountId, MethodType type, String hint, byte[] secret) {
    UUID id = UUID.randomUUID();
    // Encrypted like any registration's secret, bound to its row (SPEC §4).
    store.insertPending(
        id,
        tenant.id(),
        accountId,
        type,
        null,
        null,
        hint,
        cipher.encrypt(secret, StoredMethod.context(id, type)),
        null);
    store.activate(id, accountId);
  }
}

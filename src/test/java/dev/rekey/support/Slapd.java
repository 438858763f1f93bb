package dev.rekey.support;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFReader;
import dev.rekey.directory.LdapSettings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A private OpenLDAP {@code slapd} (Debian's 2.5) with the ppolicy and memberof overlays, for tests
 * of password writeback, unlock and policy refusals against the real server. Each instance has its
 * own temporary cn=config and MDB database for {@value #BASE_DN} and listens on a free port of
 * 127.0.0.1; {@link #close()} (or JVM exit) kills it and deletes the directory.
 *
 * <p>The default password policy ({@code cn=default,ou=policies}) asks for 12 characters, keeps 3
 * old passwords, locks after 3 failed binds until an administrator unlocks. The rootdn bypasses it;
 * the service account {@link #serviceDn()} does not: it may write {@code userPassword} (not manage
 * it) and manage the lockout attributes of {@code ou=people}. Sample users {@code alice}, {@code
 * bob} ({@code cn=staff}) and {@code carol} ({@code cn=managers}) share {@link #USER_PASSWORD};
 * {@code cn=everyone} has the two groups as members (nesting). The service accounts have their own
 * policy without lockout. Use {@link RequiredServices.Slapd} to skip tests on machines without
 * slapd.
 */
public final class Slapd implements AutoCloseable {

  public static final Path SLAPD = SlapdProcess.SLAPD;
  public static final Path SLAPADD = SlapdProcess.SLAPADD;
  public static final String BASE_DN = "dc=fabrikam,dc=example";
  public static final String ROOT_DN = "cn=admin," + BASE_DN;
  public static final String SERVICE_DN = "cn=rekey,ou=services," + BASE_DN;

  /** Has manage on userPassword, so ppolicy treats it as a password administrator. */
  public static final String PASSWORD_ADMIN_DN = "cn=password-admin,ou=services," + BASE_DN;

  public static final String POLICY_DN = "cn=default,ou=policies," + BASE_DN;
  public static final String USER_PASSWORD = "Fabrikam-initial-1";

  /** pwdMaxFailure of the default policy. */
  public static final int MAX_FAILURES = 3;

  private static final String ROOT_PASSWORD = "fixture-root-secret";
  private static final String SERVICE_PASSWORD = "fixture-service-secret";

  private final SlapdProcess process;
  private final int port;

  private Slapd(SlapdProcess process) {
    this.process = process;
    this.port = process.port();
  }

  /** Configures, starts and fills a new server; returns once it answers LDAP. */
  public static Slapd start() {
    return start(false);
  }

  /**
   * Like {@link #start()}, with a fresh self-signed certificate for 127.0.0.1 (needs {@code
   * openssl}): StartTLS on {@link #url()} and LDAPS on {@link #ldapsUrl()}.
   */
  public static Slapd startWithTls() {
    return start(true);
  }

  private static Slapd start(boolean tls) {
    Slapd slapd =
        new Slapd(
            SlapdProcess.start(
                Map.of(
                    "${BASE}", BASE_DN,
                    "${ROOT_DN}", ROOT_DN,
                    "${ROOT_PASSWORD}", ROOT_PASSWORD,
                    "${SERVICE_DN}", SERVICE_DN,
                    "${PASSWORD_ADMIN_DN}", PASSWORD_ADMIN_DN,
                    "${SERVICE_PASSWORD}", SERVICE_PASSWORD,
                    "${USER_PASSWORD}", USER_PASSWORD),
                tls));
    try {
      slapd.load(slapd.process.resource("data.ldif"));
      return slapd;
    } catch (IOException | LDAPException e) {
      slapd.close();
      throw new IllegalStateException("could not load the sample data: " + e.getMessage(), e);
    }
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  /** {@code ldaps://127.0.0.1:<port>} when started with TLS. */
  public String ldapsUrl() {
    if (process.ldapsPort() < 0) {
      throw new IllegalStateException("started without TLS");
    }
    return "ldaps://127.0.0.1:" + process.ldapsPort();
  }

  public int ldapsPort() {
    return process.ldapsPort();
  }

  /** The self-signed server certificate in PEM, to trust (LdapSettings trustedCertificates). */
  public String certificatePem() {
    if (process.ldapsPort() < 0) {
      throw new IllegalStateException("started without TLS");
    }
    return process.certificatePem();
  }

  public String baseDn() {
    return BASE_DN;
  }

  public String serviceDn() {
    return SERVICE_DN;
  }

  public String servicePassword() {
    return SERVICE_PASSWORD;
  }

  public String userDn(String uid) {
    return "uid=" + uid + ",ou=people," + BASE_DN;
  }

  public String groupDn(String cn) {
    return "cn=" + cn + ",ou=groups," + BASE_DN;
  }

  /**
   * Rekey's settings for this server as a generic (OpenLDAP) directory: the service account, users
   * by {@code uid} among inetOrgPersons, groups by search with nesting, plain LDAP.
   */
  public LdapSettings settings() {
    return settings(LdapSettings.Security.NONE);
  }

  /**
   * The same settings over LDAPS ({@link #ldapsUrl()}) or StartTLS ({@link #url()}), trusting
   * {@link #certificatePem()}; needs {@link #startWithTls()}.
   */
  public LdapSettings settings(LdapSettings.Security security) {
    boolean tls = security != LdapSettings.Security.NONE;
    return new LdapSettings(
        LdapSettings.Flavour.GENERIC,
        List.of(security == LdapSettings.Security.LDAPS ? ldapsUrl() : url()),
        security,
        tls ? certificatePem() : null,
        SERVICE_DN,
        SERVICE_PASSWORD,
        BASE_DN,
        "(objectClass=inetOrgPerson)",
        "uid",
        "cn",
        "givenName",
        "sn",
        "mail",
        LdapSettings.GroupMode.SEARCH,
        "ou=groups," + BASE_DN,
        "(objectClass=groupOfNames)",
        true,
        2000,
        5000,
        2,
        true);
  }

  /**
   * Adds an inetOrgPerson {@code uid} (given name = uid, surname "Tester", mail
   * uid@fabrikam.example) with this password, as a member of each named group (created when
   * missing). Returns its DN.
   */
  public String addUser(String uid, String password, String... groups) {
    String dn = userDn(uid);
    try (LDAPConnection connection = connection()) {
      connection.add(
          new Entry(
              dn,
              new Attribute("objectClass", "inetOrgPerson"),
              new Attribute("uid", uid),
              new Attribute("cn", uid + " Tester"),
              new Attribute("givenName", uid),
              new Attribute("sn", "Tester"),
              new Attribute("mail", uid + "@fabrikam.example"),
              new Attribute("userPassword", password)));
      for (String group : groups) {
        addMember(connection, groupDn(group), dn);
      }
      return dn;
    } catch (LDAPException e) {
      throw new IllegalStateException("could not add " + dn, e);
    }
  }

  private static void addMember(LDAPConnection connection, String group, String member)
      throws LDAPException {
    if (connection.getEntry(group) == null) {
      connection.add(
          new Entry(
              group,
              new Attribute("objectClass", "groupOfNames"),
              new Attribute("cn", group.substring(3, group.indexOf(','))),
              new Attribute("member", member)));
    } else {
      connection.modify(group, new Modification(ModificationType.ADD, "member", member));
    }
  }

  /** A new connection bound as the rootdn (bypasses ACLs and ppolicy); the caller closes it. */
  public LDAPConnection connection() throws LDAPException {
    return new LDAPConnection(host(), port, ROOT_DN, ROOT_PASSWORD);
  }

  /** A new connection bound as Rekey's service account; the caller closes it. */
  public LDAPConnection serviceConnection() throws LDAPException {
    return new LDAPConnection(host(), port, SERVICE_DN, SERVICE_PASSWORD);
  }

  /** A new connection bound as {@link #PASSWORD_ADMIN_DN}; the caller closes it. */
  public LDAPConnection passwordAdminConnection() throws LDAPException {
    return new LDAPConnection(host(), port, PASSWORD_ADMIN_DN, SERVICE_PASSWORD);
  }

  /** The user's entry as the rootdn sees it, these attributes ("+" for operational), or null. */
  public SearchResultEntry entry(String uid, String... attributes) {
    try (LDAPConnection connection = connection()) {
      return connection.getEntry(
          userDn(uid), attributes.length == 0 ? new String[] {"*", "+"} : attributes);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Whether ppolicy holds the user locked out ({@code pwdAccountLockedTime} present). */
  public boolean isLocked(String uid) {
    SearchResultEntry entry = entry(uid, "pwdAccountLockedTime");
    return entry != null && entry.hasAttribute("pwdAccountLockedTime");
  }

  /** Whether a simple bind as the user with this password succeeds. */
  public boolean bind(String uid, String password) {
    try (LDAPConnection connection = new LDAPConnection(host(), port)) {
      connection.bind(userDn(uid), password);
      return true;
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
        return false;
      }
      throw new IllegalStateException(e);
    }
  }

  /** Locks the user out the real way: {@link #MAX_FAILURES} binds with a wrong password. */
  public void lockOut(String uid) {
    for (int i = 0; i < MAX_FAILURES; i++) {
      bind(uid, "not-the-password-" + i);
    }
  }

  /** Renames the user (modrdn to {@code uid=newUid}, same parent); returns the new DN. */
  public String rename(String uid, String newUid) {
    try (LDAPConnection connection = connection()) {
      connection.modifyDN(userDn(uid), "uid=" + newUid, true);
      return userDn(newUid);
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces one attribute of the default password policy, e.g. {@code pwdMustChange TRUE}. */
  public void policy(String attribute, String value) {
    try (LDAPConnection connection = connection()) {
      connection.modify(POLICY_DN, new Modification(ModificationType.REPLACE, attribute, value));
    } catch (LDAPException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Kills the server and deletes its files. */
  @Override
  public void close() {
    process.stop();
  }

  private void load(String ldif) throws IOException, LDAPException {
    try (LDAPConnection connection = connection();
        LDIFReader reader =
            new LDIFReader(new ByteArrayInputStream(ldif.getBytes(StandardCharsets.UTF_8)))) {
      for (Entry entry = readEntry(reader); entry != null; entry = readEntry(reader)) {
        connection.add(entry);
      }
    }
  }

  private static Entry readEntry(LDIFReader reader) throws IOException {
    try {
      return reader.readEntry();
    } catch (LDIFException e) {
      throw new IOException(e);
    }
  }
}

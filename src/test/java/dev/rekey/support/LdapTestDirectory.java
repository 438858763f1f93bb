package dev.rekey.support;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ResponseControl;
import dev.rekey.directory.LdapSettings;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real LDAP server in the test JVM (UnboundID's in-memory directory): {@code
 * dc=fabrikam,dc=example} with people, groups and Rekey's service account. It can be stopped and
 * started again on the same port (an outage), slowed down, and made to refuse the next password
 * changes the way OpenLDAP's ppolicy does.
 */
public final class LdapTestDirectory implements AutoCloseable {

  public static final String BASE = "dc=fabrikam,dc=example";
  public static final String DOMAIN = "fabrikam.example";
  public static final String SERVICE_DN = "cn=rekey,ou=services," + BASE;
  public static final String SERVICE_PASSWORD = "service-secret-4711";

  private final InMemoryDirectoryServer server;
  private final int port;
  private final AtomicInteger delayMillis = new AtomicInteger();
  private final AtomicReference<DraftBeheraLDAPPasswordPolicy10ErrorType> refuseNext =
      new AtomicReference<>();

  public LdapTestDirectory() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    // Operational attributes of ppolicy (pwdAccountLockedTime) are not in the default schema.
    config.setSchema(null);
    config.setGenerateOperationalAttributes(true);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", null, port, null));
    config.addInMemoryOperationInterceptor(new Interceptor());
    server = new InMemoryDirectoryServer(config);
    server.add(new Entry(BASE, "objectClass: top", "objectClass: domain", "dc: fabrikam"));
    for (String ou : List.of("people", "groups", "services")) {
      server.add(
          new Entry(
              "ou=" + ou + "," + BASE,
              "objectClass: top",
              "objectClass: organizationalUnit",
              "ou: " + ou));
    }
    server.add(
        new Entry(
            SERVICE_DN,
            "objectClass: top",
            "objectClass: person",
            "cn: rekey",
            "sn: Rekey",
            "userPassword: " + SERVICE_PASSWORD));
    server.startListening();
  }

  /** Settings for Rekey: uid as the user ID, groups by search. */
  public LdapSettings settings() {
    return new LdapSettings(
        LdapSettings.Flavour.GENERIC,
        List.of(url()),
        LdapSettings.Security.NONE,
        null,
        SERVICE_DN,
        SERVICE_PASSWORD,
        BASE,
        "(objectClass=inetOrgPerson)",
        "uid",
        "cn",
        "givenName",
        "sn",
        "mail",
        LdapSettings.GroupMode.SEARCH,
        "ou=groups," + BASE,
        "(objectClass=groupOfNames)",
        true,
        2000,
        3000,
        2,
        true);
  }

  public String url() {
    return "ldap://127.0.0.1:" + port;
  }

  public static String userDn(String uid) {
    return "uid=" + uid + ",ou=people," + BASE;
  }

  public void addUser(String uid, String givenName, String sn, String password) throws Exception {
    server.add(
        new Entry(
            userDn(uid),
            "objectClass: top",
            "objectClass: person",
            "objectClass: organizationalPerson",
            "objectClass: inetOrgPerson",
            "uid: " + uid,
            "cn: " + givenName + " " + sn,
            "givenName: " + givenName,
            "sn: " + sn,
            "mail: " + uid + "@mail." + DOMAIN,
            "userPassword: " + password));
  }

  /** A groupOfNames with the given member DNs (users or other groups). */
  public void addGroup(String cn, String... memberDns) throws Exception {
    Entry group =
        new Entry(
            "cn=" + cn + ",ou=groups," + BASE,
            "objectClass: top",
            "objectClass: groupOfNames",
            "cn: " + cn);
    for (String member : memberDns) {
      group.addAttribute("member", member);
    }
    server.add(group);
  }

  public static String groupDn(String cn) {
    return "cn=" + cn + ",ou=groups," + BASE;
  }

  /** Renames the user's entry and its uid, as an admin would in the directory. */
  public void rename(String uid, String newUid) throws Exception {
    server.modifyDN(userDn(uid), "uid=" + newUid, true);
  }

  public boolean binds(String uid, String password) {
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", port)) {
      connection.bind(userDn(uid), password);
      return true;
    } catch (LDAPException e) {
      return false;
    }
  }

  /** Locks the entry the way ppolicy does. */
  public void lock(String uid) throws Exception {
    server.modify(
        userDn(uid),
        new Modification(ModificationType.REPLACE, "pwdAccountLockedTime", "20261130010000Z"));
  }

  public boolean isLocked(String uid) throws Exception {
    return server.getEntry(userDn(uid)).hasAttribute("pwdAccountLockedTime");
  }

  public String entryUuid(String uid) throws Exception {
    return server.getEntry(userDn(uid), "entryUUID").getAttributeValue("entryUUID");
  }

  public void delete(String dn) throws Exception {
    server.delete(new DN(dn).toString());
  }

  /** Every search answers this much later. */
  public void slowDown(int millis) {
    delayMillis.set(millis);
  }

  /** The next Password Modify is refused with this ppolicy error (constraint violation). */
  public void refuseNextPasswordChange(DraftBeheraLDAPPasswordPolicy10ErrorType error) {
    refuseNext.set(error);
  }

  /** An outage: the port stops answering. */
  public void stop() {
    server.shutDown(true);
  }

  public void start() throws Exception {
    server.startListening();
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  private final class Interceptor extends InMemoryOperationInterceptor {
    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request) {
      int delay = delayMillis.get();
      if (delay > 0) {
        try {
          Thread.sleep(delay);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void processExtendedRequest(InMemoryInterceptedExtendedRequest request)
        throws LDAPException {
      DraftBeheraLDAPPasswordPolicy10ErrorType error = refuseNext.getAndSet(null);
      if (error != null) {
        throw new LDAPException(
            ResultCode.CONSTRAINT_VIOLATION,
            "Password fails quality checking policy",
            null,
            null,
            new Control[] {new DraftBeheraLDAPPasswordPolicy10ResponseControl(null, -1, error)});
      }
    }
  }
}

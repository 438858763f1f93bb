package dev.rekey.directory.internal.ldap;

import com.unboundid.asn1.ASN1OctetString;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A tenant's directory through UnboundID: a lazily opened service pool with failover. */
final class UnboundIdLdapClient implements LdapClient {

  private static final Logger log = LoggerFactory.getLogger(UnboundIdLdapClient.class);

  /** Page size of the full listing (RFC 2696); AD's MaxPageSize defaults to 1000. */
  static final int PAGE_SIZE = 500;

  private final LdapConnector connector;
  private final UserEntries users;
  private final GroupResolver groups;
  private final UserBinds binds;
  private final PasswordWriter passwords;
  private @Nullable LDAPConnectionPool pool;
  private boolean closed;

  /**
   * @throws IllegalArgumentException when the settings cannot make a connection (URLs, PEM,
   *     filters); a reachable server is not needed
   */
  UnboundIdLdapClient(LdapSettings settings) {
    this.connector = new LdapConnector(settings);
    try {
      this.users = new UserEntries(settings);
      this.groups = new GroupResolver(settings);
    } catch (LDAPException e) {
      throw new IllegalArgumentException("invalid filter: " + e.getMessage(), e);
    }
    this.binds = new UserBinds(connector);
    this.passwords = new PasswordWriter(settings.flavour());
  }

  @Override
  public LdapSettings settings() {
    return connector.settings();
  }

  @Override
  public Optional<LdapUser> findUser(String userIdValue) {
    return findOne(users.byUserId(userIdValue), "find a user");
  }

  @Override
  public Optional<LdapUser> findByStableId(String stableId) {
    return users.byStableId(stableId).flatMap(filter -> findOne(filter, "find a user by id"));
  }

  private Optional<LdapUser> findOne(Filter filter, String operation) {
    LDAPConnectionPool ldap = pool();
    try {
      SearchRequest request =
          new SearchRequest(settings().baseDn(), SearchScope.SUB, filter, users.attributes());
      request.setSizeLimit(2);
      SearchResult result = ldap.search(request);
      return single(ldap, result.getSearchEntries());
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED) {
        return ambiguous();
      }
      if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
        log.warn("LDAP base DN {} does not exist", settings().baseDn());
      }
      throw LdapConnector.unavailable(operation, e);
    }
  }

  private Optional<LdapUser> single(LDAPInterface ldap, List<SearchResultEntry> entries)
      throws LDAPException {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    if (entries.size() > 1) {
      return ambiguous();
    }
    SearchResultEntry entry = entries.get(0);
    return users.toUser(entry, groups.groupsOf(ldap, entry));
  }

  private Optional<LdapUser> ambiguous() {
    // The value is user input and may be personal data: it stays out of the log.
    log.warn("LDAP: more than one entry matches a user ID; the user ID attribute must be unique");
    return Optional.empty();
  }

  @Override
  public BindOutcome bind(String dn, String password) {
    return binds.bind(dn, password);
  }

  @Override
  public void setPassword(String dn, String newPassword) {
    passwords.setPassword(pool(), dn, newPassword);
  }

  @Override
  public void unlock(String dn) {
    passwords.unlock(pool(), dn);
  }

  @Override
  public void forEachUser(Consumer<LdapUser> action) {
    LDAPConnectionPool ldap = pool();
    LDAPConnection connection;
    try {
      connection = ldap.getConnection();
    } catch (LDAPException e) {
      throw LdapConnector.unavailable("list users", e);
    }
    // Paged results cookies belong to one connection (RFC 2696 §3), so all pages use this one.
    boolean broken = false;
    try {
      ASN1OctetString cookie = null;
      do {
        SearchRequest request =
            new SearchRequest(
                settings().baseDn(), SearchScope.SUB, users.all(), users.attributes());
        request.addControl(new SimplePagedResultsControl(PAGE_SIZE, cookie, true));
        SearchResult page = connection.search(request);
        for (SearchResultEntry entry : page.getSearchEntries()) {
          users.toUser(entry, groups.groupsOf(connection, entry)).ifPresent(action);
        }
        SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
        cookie = response != null && response.moreResultsToReturn() ? response.getCookie() : null;
      } while (cookie != null);
    } catch (LDAPException e) {
      broken = LdapConnector.isOutage(e.getResultCode());
      throw LdapConnector.unavailable("list users", e);
    } finally {
      if (broken) {
        ldap.releaseDefunctConnection(connection);
      } else {
        ldap.releaseConnection(connection);
      }
    }
  }

  /** The service pool, opened on first use and again after a failed opening. */
  private synchronized LDAPConnectionPool pool() {
    if (closed) {
      throw new DirectoryUnavailable("LDAP: the client for these settings was closed");
    }
    if (pool == null) {
      pool = connector.openPool();
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (pool != null) {
      pool.close();
      pool = null;
    }
  }
}

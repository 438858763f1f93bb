package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedExtendedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSearchRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ReadOnlyModifyRequest;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An UnboundID in-memory directory for fabrikam: people, groups and the service account, with a
 * scriptable interceptor standing in for a slow or refusing server. Schema checking is off so that
 * {@code memberOf}, ppolicy and Active Directory attributes can be stored.
 */
final class TestDirectory implements AutoCloseable {

  static final String BASE = "dc=fabrikam,dc=example";
  static final String PEOPLE = "ou=people," + BASE;
  static final String GROUPS = "ou=groups," + BASE;
  static final String SERVICE_DN = "cn=rekey,ou=services," + BASE;
  static final String SERVICE_SECRET = "Service-Secret-42";
  static final String ALICE_DN = "uid=alice," + PEOPLE;
  static final String ALICE_PASSWORD = "Alice-Old-Pass-1";

  final Script script = new Script();
  private final InMemoryDirectoryServer server;

  private TestDirectory(InMemoryListenerConfig... listeners) throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setSchema(null);
    config.setGenerateOperationalAttributes(true);
    config.addInMemoryOperationInterceptor(script);
    if (listeners.length > 0) {
      config.setListenerConfigs(listeners);
    }
    server = new InMemoryDirectoryServer(config);
    server.add("dn: " + BASE, "objectClass: top", "objectClass: domain", "dc: fabrikam");
    for (String ou : List.of("people", "groups", "services")) {
      server.add("dn: ou=" + ou + "," + BASE, "objectClass: organizationalUnit", "ou: " + ou);
    }
    server.add(
        "dn: " + SERVICE_DN,
        "objectClass: person",
        "cn: rekey",
        "sn: Service",
        "userPassword: " + SERVICE_SECRET);
    server.add(
        "dn: " + ALICE_DN,
        "objectClass: inetOrgPerson",
        "uid: alice",
        "cn: Alice Jansen",
        "givenName: Alice",
        "sn: Jansen",
        "displayName: Alice Jansen",
        "mail: alice@fabrikam.example",
        "userPassword: " + ALICE_PASSWORD);
    server.startListening();
  }

  static TestDirectory start(InMemoryListenerConfig... listeners) throws Exception {
    return new TestDirectory(listeners);
  }

  InMemoryDirectoryServer server() {
    return server;
  }

  int port() {
    return server.getListenPort();
  }

  String url() {
    return "ldap://localhost:" + port();
  }

  TestSettings settings() {
    return new TestSettings(url());
  }

  /** Adds an inetOrgPerson under ou=people with a password of {@code <uid>-pw-1}. */
  void addPerson(String uid, String... extraLines) throws Exception {
    List<String> lines = new java.util.ArrayList<>();
    lines.addAll(
        List.of(
            "dn: uid=" + uid + "," + PEOPLE,
            "objectClass: inetOrgPerson",
            "uid: " + uid,
            "cn: " + uid,
            "sn: " + uid,
            "userPassword: " + uid + "-pw-1"));
    lines.addAll(List.of(extraLines));
    server.add(lines.toArray(String[]::new));
  }

  Entry entry(String dn) throws LDAPException {
    return server.getEntry(dn);
  }

  /** A port nothing listens on. */
  static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    server.shutDown(true);
  }

  /** What the fake server does besides answering normally. */
  static final class Script extends InMemoryOperationInterceptor {
    volatile long searchDelayMillis;
    volatile IntFunction<BindResult> userBindResult;
    volatile IntFunction<ExtendedResult> extendedResult;
    volatile LDAPException modifyFailure;
    volatile List<Entry> inChainGroups = List.of();
    final List<ReadOnlyModifyRequest> modifies = new CopyOnWriteArrayList<>();
    final List<String> inChainMembers = new CopyOnWriteArrayList<>();
    final AtomicInteger pagedSearches = new AtomicInteger();

    @Override
    public void processSearchRequest(InMemoryInterceptedSearchRequest request)
        throws LDAPException {
      if (request.getRequest().getControl(SimplePagedResultsControl.PAGED_RESULTS_OID) != null) {
        pagedSearches.incrementAndGet();
      }
      Filter filter = request.getRequest().getFilter();
      if (filter.getFilterType() == Filter.FILTER_TYPE_EXTENSIBLE_MATCH
          && GroupResolver.IN_CHAIN.equals(filter.getMatchingRuleID())) {
        // Stand-in for AD's LDAP_MATCHING_RULE_IN_CHAIN, which the in-memory server lacks.
        inChainMembers.add(filter.getAssertionValue());
        for (Entry group : inChainGroups) {
          request.sendSearchEntry(group);
        }
        SearchRequest nothing = request.getRequest().duplicate();
        nothing.setFilter(Filter.createEqualityFilter("objectClass", "no-such-class"));
        request.setRequest(nothing);
      }
      sleep(searchDelayMillis);
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
      IntFunction<BindResult> script = userBindResult;
      if (script != null && !SERVICE_DN.equalsIgnoreCase(result.getRequest().getBindDN())) {
        result.setResult(script.apply(result.getMessageID()));
      }
    }

    @Override
    public void processExtendedResult(InMemoryInterceptedExtendedResult result) {
      IntFunction<ExtendedResult> script = extendedResult;
      if (script != null) {
        result.setResult(script.apply(result.getMessageID()));
      }
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request)
        throws LDAPException {
      modifies.add(request.getRequest());
      LDAPException failure = modifyFailure;
      if (failure != null) {
        throw failure;
      }
    }

    private static void sleep(long millis) {
      if (millis > 0) {
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}

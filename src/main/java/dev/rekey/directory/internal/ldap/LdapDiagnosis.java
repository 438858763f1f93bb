package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.ConnectionReport.Check;
import dev.rekey.directory.ConnectionReport.Outcome;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.GroupMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * "Test connection": tries settings step by step on throwaway connections and says what failed.
 * Steps, in order: settings, connect (per URL), bind, base, users, groups; a failed step skips the
 * ones after it.
 */
final class LdapDiagnosis {

  /** How many entries the users and groups steps count at most. */
  static final int COUNT_LIMIT = 1000;

  private static final List<String> AFTER_CONNECT = List.of("bind", "base", "users", "groups");

  private final List<Check> checks = new ArrayList<>();

  private LdapDiagnosis() {}

  static ConnectionReport run(LdapSettings settings) {
    LdapDiagnosis diagnosis = new LdapDiagnosis();
    diagnosis.diagnose(settings);
    return new ConnectionReport(diagnosis.checks);
  }

  private void diagnose(LdapSettings settings) {
    LdapConnector connector;
    try {
      connector = new LdapConnector(settings);
    } catch (IllegalArgumentException e) {
      String code =
          e.getMessage() != null && e.getMessage().startsWith("trusted certificates")
              ? "certificates_invalid"
              : "urls_invalid";
      fail("settings", code, null, e.getMessage());
      skip("connect");
      AFTER_CONNECT.forEach(this::skip);
      return;
    }
    pass("settings", "ok", null, null, null);
    LdapUrl reachable = null;
    for (LdapUrl url : connector.urls()) {
      try (LDAPConnection connection = connector.serverSet(url).getConnection()) {
        pass("connect", "ok", url.text(), null, null);
        if (reachable == null) {
          reachable = url;
        }
      } catch (LDAPException e) {
        fail("connect", ConnectFailures.code(e), url.text(), ConnectFailures.detail(e));
      }
    }
    if (reachable == null) {
      AFTER_CONNECT.forEach(this::skip);
      return;
    }
    try (LDAPConnection connection = connector.serverSet(reachable).getConnection()) {
      afterConnect(connector, connection);
    } catch (LDAPException e) {
      fail("bind", "failed", settings.bindDn(), ConnectFailures.detail(e));
      skipRest();
    }
  }

  private void afterConnect(LdapConnector connector, LDAPConnection connection) {
    LdapSettings settings = connector.settings();
    try {
      connection.bind(connector.serviceBind());
      pass("bind", "ok", settings.bindDn(), null, null);
    } catch (LDAPException e) {
      String code =
          e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? "invalid_credentials" : "failed";
      fail("bind", code, settings.bindDn(), detail(e));
      skipRest();
      return;
    }
    try {
      if (connection.getEntry(settings.baseDn(), "1.1") == null) {
        fail("base", "not_found", settings.baseDn(), null);
        skipRest();
        return;
      }
      pass("base", "ok", settings.baseDn(), null, null);
    } catch (LDAPException e) {
      fail("base", "not_found", settings.baseDn(), detail(e));
      skipRest();
      return;
    }
    if (!users(connection, settings)) {
      skipRest();
      return;
    }
    groups(connection, settings);
  }

  private boolean users(LDAPConnection connection, LdapSettings settings) {
    Filter filter;
    try {
      filter = UserEntries.parseOrAll(settings.userFilter());
    } catch (LDAPException e) {
      fail("users", "filter_invalid", settings.userFilter(), e.getMessage());
      return false;
    }
    try {
      int count = count(connection, settings.baseDn(), filter, "1.1").size();
      if (count == 0) {
        fail("users", "none", settings.baseDn(), null);
        return false;
      }
      pass("users", "found", settings.baseDn(), null, count);
      return true;
    } catch (LDAPException e) {
      String code = e.getResultCode() == ResultCode.FILTER_ERROR ? "filter_invalid" : "none";
      fail("users", code, settings.baseDn(), detail(e));
      return false;
    }
  }

  private void groups(LDAPConnection connection, LdapSettings settings) {
    if (settings.groupMode() == GroupMode.NONE) {
      // Not a failure: the tenant uses no directory groups. PASSED keeps the report ok().
      pass("groups", "skipped", null, null, null);
      return;
    }
    try {
      GroupResolver resolver = new GroupResolver(settings);
      int count;
      String subject;
      if (settings.groupMode() == GroupMode.MEMBER_OF) {
        // The distinct groups named by the users' memberOf values.
        Filter withGroups =
            Filter.createANDFilter(
                UserEntries.parseOrAll(settings.userFilter()),
                Filter.createPresenceFilter(UserEntries.MEMBER_OF));
        Set<String> groups = new HashSet<>();
        for (SearchResultEntry entry :
            count(connection, settings.baseDn(), withGroups, UserEntries.MEMBER_OF)) {
          String[] values = entry.getAttributeValues(UserEntries.MEMBER_OF);
          groups.addAll(values == null ? List.of() : List.of(values));
        }
        count = groups.size();
        subject = settings.baseDn();
      } else {
        subject = resolver.groupBase();
        count = count(connection, subject, resolver.groupFilter(), "1.1").size();
      }
      if (count == 0) {
        fail("groups", "none", subject, null);
      } else {
        pass("groups", "ok", subject, null, count);
      }
    } catch (LDAPException e) {
      String code = e.getResultCode() == ResultCode.FILTER_ERROR ? "filter_invalid" : "none";
      fail("groups", code, settings.groupFilter(), detail(e));
    }
  }

  /** Up to {@link #COUNT_LIMIT} entries; a larger result counts as the limit. */
  private static List<SearchResultEntry> count(
      LDAPConnection connection, String base, Filter filter, String attribute)
      throws LDAPException {
    SearchRequest request = new SearchRequest(base, SearchScope.SUB, filter, attribute);
    request.setSizeLimit(COUNT_LIMIT);
    try {
      SearchResult result = connection.search(request);
      return result.getSearchEntries();
    } catch (LDAPException e) {
      if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED
          && e instanceof com.unboundid.ldap.sdk.LDAPSearchException search) {
        return search.getSearchEntries();
      }
      throw e;
    }
  }

  private static @Nullable String detail(LDAPException e) {
    String diagnostic = e.getDiagnosticMessage();
    return diagnostic != null && !diagnostic.isBlank() ? diagnostic : e.getResultCode().getName();
  }

  private void pass(
      String step,
      String code,
      @Nullable String subject,
      @Nullable String detail,
      @Nullable Integer count) {
    checks.add(new Check(step, Outcome.PASSED, code, subject, detail, count));
  }

  private void fail(String step, String code, @Nullable String subject, @Nullable String detail) {
    checks.add(new Check(step, Outcome.FAILED, code, subject, detail, null));
  }

  private void skip(String step) {
    checks.add(new Check(step, Outcome.SKIPPED, "skipped", null, null, null));
  }

  private void skipRest() {
    List<String> done = checks.stream().map(Check::step).toList();
    AFTER_CONNECT.stream().filter(step -> !done.contains(step)).forEach(this::skip);
  }
}

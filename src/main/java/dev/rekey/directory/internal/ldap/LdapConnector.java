package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.SSLSocketVerifier;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Security;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;

/**
 * Builds connections from settings: the URLs in order (failover), TLS with the configured trust and
 * hostname verification, timeouts, and the service account's pool.
 */
final class LdapConnector {

  /** How often idle pooled connections are checked in the background. */
  private static final long HEALTH_CHECK_INTERVAL_MILLIS = 60_000;

  private final LdapSettings settings;
  private final List<LdapUrl> urls;
  private final LDAPConnectionOptions options;
  private final @Nullable SSLContext sslContext;

  /**
   * @throws IllegalArgumentException when a URL or the trusted certificates cannot be read
   */
  LdapConnector(LdapSettings settings) {
    this.settings = settings;
    if (settings.urls().isEmpty()) {
      throw new IllegalArgumentException("no URL");
    }
    this.urls = settings.urls().stream().map(u -> LdapUrl.parse(u, settings.security())).toList();
    boolean anyTls = settings.security() != Security.NONE || urls.stream().anyMatch(LdapUrl::tls);
    this.sslContext =
        anyTls ? TrustedCertificates.sslContext(settings.trustedCertificates()) : null;
    this.options = new LDAPConnectionOptions();
    options.setConnectTimeoutMillis(settings.connectTimeoutMillis());
    options.setResponseTimeoutMillis(settings.responseTimeoutMillis());
    options.setAbandonOnTimeout(true);
    options.setFollowReferrals(false);
    options.setUseKeepAlive(true);
    // RFC 4513 §3.1.3: the server's identity is checked against its certificate, so a trusted CA
    // cannot be used by another host to read the passwords being written.
    options.setSSLSocketVerifier(new MarkedHostNameVerifier());
  }

  LdapSettings settings() {
    return settings;
  }

  List<LdapUrl> urls() {
    return urls;
  }

  /** All URLs in the configured order: the first that answers serves (failover). */
  ServerSet serverSet() {
    FailoverServerSet failover = new FailoverServerSet(urls.stream().map(this::serverSet).toList());
    failover.setReOrderOnFailover(false);
    return failover;
  }

  /** One URL alone, without authentication; StartTLS is done before anything else is sent. */
  ServerSet serverSet(LdapUrl url) {
    SocketFactory sockets =
        url.tls() ? sslContext().getSocketFactory() : SocketFactory.getDefault();
    PostConnectProcessor startTls =
        !url.tls() && settings.security() == Security.STARTTLS
            ? new MarkedStartTls(new StartTLSPostConnectProcessor(sslContext()))
            : null;
    return new SingleServerSet(url.host(), url.port(), sockets, options, null, startTls);
  }

  SimpleBindRequest serviceBind() {
    return new SimpleBindRequest(settings.bindDn(), settings.bindSecret());
  }

  /** A new unauthenticated connection to the first server that answers. */
  LDAPConnection connect() throws LDAPException {
    return serverSet().getConnection();
  }

  /**
   * The service account's pool. Operations that fail because their connection broke are retried
   * once on a fresh connection, which may be another server of the failover set.
   *
   * @throws DirectoryUnavailable when no server accepts a connection and the service bind
   */
  LDAPConnectionPool openPool() {
    int size = Math.max(1, settings.poolSize());
    try {
      LDAPConnectionPool pool =
          new LDAPConnectionPool(serverSet(), serviceBind(), 1, size, null, true);
      pool.setConnectionPoolName("rekey-ldap");
      pool.setRetryFailedOperationsDueToInvalidConnections(true);
      pool.setMaxWaitTimeMillis(settings.responseTimeoutMillis());
      pool.setCreateIfNecessary(true);
      pool.setHealthCheck(
          new GetEntryLDAPConnectionPoolHealthCheck(
              "", settings.responseTimeoutMillis(), false, false, false, false, true, true));
      pool.setHealthCheckIntervalMillis(HEALTH_CHECK_INTERVAL_MILLIS);
      return pool;
    } catch (LDAPException e) {
      throw unavailable("connect and bind as the service account", e);
    }
  }

  private SSLContext sslContext() {
    if (sslContext == null) {
      throw new IllegalStateException("TLS requested without an SSL context");
    }
    return sslContext;
  }

  /** Whether a result code means the servers could not be reached or did not answer in time. */
  static boolean isOutage(ResultCode code) {
    return !code.isConnectionUsable()
        || code == ResultCode.TIMEOUT
        || code == ResultCode.BUSY
        || code == ResultCode.UNAVAILABLE
        || code == ResultCode.CONNECT_ERROR
        || code == ResultCode.SERVER_DOWN;
  }

  /** The exception callers get for an outage; the message names the operation, never a secret. */
  static DirectoryUnavailable unavailable(String operation, LDAPException e) {
    String diagnostic = e.getDiagnosticMessage();
    return new DirectoryUnavailable(
        "LDAP: could not "
            + operation
            + ": "
            + e.getResultCode().getName()
            + (diagnostic == null ? "" : " (" + diagnostic + ")"),
        e);
  }

  /** UnboundID's hostname check, with a mark on its failure so a report can name it. */
  static final class MarkedHostNameVerifier extends SSLSocketVerifier {
    private final HostNameSSLSocketVerifier delegate = new HostNameSSLSocketVerifier(true);

    @Override
    public void verifySSLSocket(String host, int port, SSLSocket socket) throws LDAPException {
      try {
        delegate.verifySSLSocket(host, port, socket);
      } catch (LDAPException e) {
        throw new LDAPException(e.getResultCode(), e.getMessage(), new HostnameMismatch(host));
      }
    }
  }

  /** StartTLS (RFC 4511 §4.14), with a mark on its failure so a report can call it a TLS one. */
  static final class MarkedStartTls implements PostConnectProcessor {
    private final PostConnectProcessor delegate;

    MarkedStartTls(PostConnectProcessor delegate) {
      this.delegate = delegate;
    }

    @Override
    public void processPreAuthenticatedConnection(LDAPConnection connection) throws LDAPException {
      try {
        delegate.processPreAuthenticatedConnection(connection);
      } catch (LDAPException e) {
        throw new LDAPException(e.getResultCode(), e.getMessage(), new StartTlsFailed(e));
      }
    }

    @Override
    public void processPostAuthenticatedConnection(LDAPConnection connection) throws LDAPException {
      delegate.processPostAuthenticatedConnection(connection);
    }
  }

  /** StartTLS was refused by the server or its handshake failed. */
  static final class StartTlsFailed extends Exception {
    StartTlsFailed(LDAPException cause) {
      super("StartTLS failed", cause);
    }
  }

  /** The server's certificate does not name the host connected to. */
  static final class HostnameMismatch extends Exception {
    HostnameMismatch(String host) {
      super("certificate does not match host " + host);
    }
  }
}

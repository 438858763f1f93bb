package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.Locale;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** Names why a connection could not be made, for "Test connection" ({@code connect.<code>}). */
final class ConnectFailures {

  private ConnectFailures() {}

  /**
   * One of {@code refused}, {@code timeout}, {@code unknown_host}, {@code tls_untrusted}, {@code
   * tls_hostname}, {@code tls_failed}, {@code failed}.
   */
  static String code(LDAPException e) {
    boolean tls = false;
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof LdapConnector.HostnameMismatch) {
        return "tls_hostname";
      }
      if (t instanceof CertificateException
          || t instanceof CertPathBuilderException
          || t instanceof CertPathValidatorException) {
        return "tls_untrusted";
      }
      if (t instanceof UnknownHostException) {
        return "unknown_host";
      }
      if (t instanceof SocketTimeoutException) {
        return "timeout";
      }
      if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
        String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
        return message.contains("timed out") ? "timeout" : "refused";
      }
      if (t instanceof SSLException || t instanceof LdapConnector.StartTlsFailed) {
        tls = true;
      }
    }
    if (tls) {
      return "tls_failed";
    }
    if (e.getResultCode() == ResultCode.TIMEOUT) {
      return "timeout";
    }
    return "failed";
  }

  /** The most specific words available: the server's diagnostic or the root cause's message. */
  static @Nullable String detail(LDAPException e) {
    if (e.getDiagnosticMessage() != null && !e.getDiagnosticMessage().isBlank()) {
      return e.getDiagnosticMessage();
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : e.getResultCode().getName();
  }
}

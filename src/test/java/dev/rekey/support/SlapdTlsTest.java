package dev.rekey.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.extensions.StartTLSExtendedRequest;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The TLS variant of the fixture: LDAPS and StartTLS (RFC 4513 §3) with its own certificate. */
@ExtendWith(RequiredServices.Slapd.class)
class SlapdTlsTest {

  private static Slapd slapd;
  @TempDir static Path temp;

  @BeforeAll
  static void start() {
    slapd = Slapd.startWithTls();
  }

  @AfterAll
  static void stop() {
    if (slapd != null) {
      slapd.close();
    }
  }

  private static SSLUtil trustingTheFixture() throws Exception {
    Path pem = temp.resolve("slapd.pem");
    Files.writeString(pem, slapd.certificatePem());
    return new SSLUtil(new PEMFileTrustManager(pem.toFile()));
  }

  @Test
  void ldapsWhenCertificateTrustedThenServiceAccountBinds() throws Exception {
    LDAPConnectionOptions options = new LDAPConnectionOptions();
    // The certificate names 127.0.0.1, so host name verification (RFC 6125) passes too.
    options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
    try (LDAPConnection connection =
        new LDAPConnection(
            trustingTheFixture().createSSLSocketFactory(),
            options,
            slapd.host(),
            slapd.ldapsPort())) {
      connection.bind(slapd.serviceDn(), slapd.servicePassword());
      assertThat(connection.getEntry(slapd.userDn("alice"), "mail").getAttributeValue("mail"))
          .isEqualTo("alice@fabrikam.example");
    }
    assertThat(slapd.certificatePem()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(slapd.ldapsUrl()).isEqualTo("ldaps://127.0.0.1:" + slapd.ldapsPort());
  }

  @Test
  void startTlsWhenCertificateTrustedThenUserBinds() throws Exception {
    SSLContext context = trustingTheFixture().createSSLContext();
    try (LDAPConnection connection = new LDAPConnection(slapd.host(), slapd.port())) {
      assertThat(
              connection
                  .processExtendedOperation(new StartTLSExtendedRequest(context))
                  .getResultCode())
          .isEqualTo(ResultCode.SUCCESS);
      connection.bind(slapd.userDn("bob"), Slapd.USER_PASSWORD);
      assertThat(connection.getSSLSession()).isNotNull();
    }
  }

  @Test
  void ldapsWhenCertificateNotTrustedThenConnectionFails() throws GeneralSecurityException {
    // The JVM's default trust store does not know the fixture's self-signed certificate.
    SSLUtil untrusting = new SSLUtil(JVMDefaultTrustManager.getInstance());

    assertThatThrownBy(
            () ->
                new LDAPConnection(
                        untrusting.createSSLSocketFactory(), slapd.host(), slapd.ldapsPort())
                    .close())
        .isInstanceOf(LDAPException.class)
        .hasMessageContaining("cannot be trusted");
  }
}

package dev.rekey.directory.internal.ldap;

import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import com.unboundid.util.ssl.cert.ManageCertificates;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

/** A self-signed server certificate for {@code localhost} and the in-memory TLS listeners. */
final class TestCertificates {

  private static final char[] PIN = "keystore-pin".toCharArray();

  private final Path keyStore;

  private TestCertificates(Path keyStore) {
    this.keyStore = keyStore;
  }

  /** A certificate for {@code localhost}, where the tests' servers are. */
  static TestCertificates forLocalhost(Path directory) throws Exception {
    return forHost(directory, "localhost");
  }

  /** A certificate whose only name is the DNS name {@code host}. */
  static TestCertificates forHost(Path directory, String host) throws Exception {
    Path keyStore = directory.resolve(host + ".p12");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ResultCode code =
        ManageCertificates.main(
            InputStream.nullInputStream(),
            out,
            out,
            "generate-self-signed-certificate",
            "--keystore",
            keyStore.toString(),
            "--keystore-password",
            new String(PIN),
            "--keystore-type",
            "PKCS12",
            "--alias",
            "server",
            "--subject-dn",
            "CN=" + host + ",O=Fabrikam Test",
            "--subject-alternative-name-dns",
            host,
            "--days-valid",
            "2");
    if (code != ResultCode.SUCCESS) {
      throw new IllegalStateException(out.toString(StandardCharsets.UTF_8));
    }
    return new TestCertificates(keyStore);
  }

  /** The certificate as PEM, as an admin would paste it. */
  String pem() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keyStore)) {
      store.load(in, PIN);
    }
    byte[] der = store.getCertificate("server").getEncoded();
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END CERTIFICATE-----\n";
  }

  private SSLUtil serverSsl() throws Exception {
    return new SSLUtil(
        new KeyStoreKeyManager(keyStore.toFile(), PIN, "PKCS12", "server"),
        new TrustAllTrustManager());
  }

  InMemoryListenerConfig ldaps() throws Exception {
    return InMemoryListenerConfig.createLDAPSConfig(
        "ldaps", null, 0, serverSsl().createSSLServerSocketFactory(), null);
  }

  InMemoryListenerConfig startTls() throws Exception {
    return InMemoryListenerConfig.createLDAPConfig(
        "ldap", null, 0, serverSsl().createSSLSocketFactory());
  }
}

package dev.rekey.directory.internal.ldap;

import com.unboundid.util.ssl.AggregateTrustManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/** The TLS context of a connection: the JVM's trusted CAs plus the admin's PEM certificates. */
final class TrustedCertificates {

  private TrustedCertificates() {}

  /**
   * An SSL context trusting the JVM's default CAs and, when given, the PEM certificates (CA or the
   * server's own). Certificates are only ever added to the defaults, never replace them.
   *
   * @throws IllegalArgumentException when the PEM text holds no readable certificate
   */
  static SSLContext sslContext(@Nullable String pem) {
    try {
      List<X509TrustManager> managers = new ArrayList<>();
      managers.add(trustManager(null));
      if (pem != null && !pem.isBlank()) {
        managers.add(trustManager(keyStore(pem)));
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AggregateTrustManager(false, managers)}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("trusted certificates unusable: " + e.getMessage(), e);
    }
  }

  /** The PEM certificates in an in-memory key store; checks they parse. */
  static KeyStore keyStore(String pem) throws GeneralSecurityException {
    Collection<? extends Certificate> certificates =
        CertificateFactory.getInstance("X.509")
            .generateCertificates(
                new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    if (certificates.isEmpty()) {
      throw new IllegalArgumentException("no certificate in the PEM text");
    }
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    try {
      store.load(null, null);
    } catch (java.io.IOException e) {
      throw new GeneralSecurityException(e);
    }
    int i = 0;
    for (Certificate certificate : certificates) {
      store.setCertificateEntry("trusted-" + i++, certificate);
    }
    return store;
  }

  private static X509TrustManager trustManager(@Nullable KeyStore store)
      throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager");
  }
}

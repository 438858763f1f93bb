package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings.Security;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Failover, timeouts and TLS, against real sockets. */
class LdapConnectionTest {

  @TempDir Path temp;

  @Test
  void whenTheFirstServerIsDownTheSecondServes() throws Exception {
    try (TestDirectory directory = TestDirectory.start()) {
      TestSettings settings =
          new TestSettings("ldap://localhost:" + TestDirectory.closedPort(), directory.url());
      try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
        assertThat(client.findUser("alice")).isPresent();
        assertThat(client.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
            .isEqualTo(BindOutcome.OK);
        client.setPassword(TestDirectory.ALICE_DN, "Failover-Pass-1");
        assertThat(directory.entry(TestDirectory.ALICE_DN).getAttributeValue("userPassword"))
            .isEqualTo("Failover-Pass-1");
      }
    }
  }

  @Test
  void whenAllServersAreDownThenUnavailableQuickly() throws Exception {
    TestSettings settings =
        new TestSettings(
            "ldap://localhost:" + TestDirectory.closedPort(),
            "ldap://127.0.0.1:" + TestDirectory.closedPort());
    settings.connectTimeoutMillis = 300;
    try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.findUser("alice"))
          .isInstanceOf(DirectoryUnavailable.class)
          .hasMessageNotContaining(TestDirectory.SERVICE_SECRET);
      assertThatThrownBy(() -> client.bind(TestDirectory.ALICE_DN, "x"))
          .isInstanceOf(DirectoryUnavailable.class);
      assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
    }
  }

  @Test
  void aSlowServerWithinTheResponseTimeoutStillAnswers() throws Exception {
    try (TestDirectory directory = TestDirectory.start()) {
      directory.script.searchDelayMillis = 300;
      TestSettings settings = directory.settings();
      settings.responseTimeoutMillis = 2000;
      try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
        assertThat(client.findUser("alice")).isPresent();
      }
    }
  }

  @Test
  void aServerSlowerThanTheResponseTimeoutIsUnavailable() throws Exception {
    try (TestDirectory directory = TestDirectory.start()) {
      directory.script.searchDelayMillis = 1500;
      TestSettings settings = directory.settings();
      settings.responseTimeoutMillis = 300;
      try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
        assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
      }
    }
  }

  @Test
  void ldapsWithTheTrustedPemWorksAndWithoutItIsUnavailable() throws Exception {
    TestCertificates certificates = TestCertificates.forLocalhost(temp);
    try (TestDirectory directory = TestDirectory.start(certificates.ldaps())) {
      TestSettings settings = new TestSettings("ldaps://localhost:" + directory.port());
      settings.security = Security.LDAPS;
      try (UnboundIdLdapClient untrusted = new UnboundIdLdapClient(settings.build())) {
        assertThatThrownBy(() -> untrusted.findUser("alice"))
            .isInstanceOf(DirectoryUnavailable.class);
        assertThatThrownBy(() -> untrusted.bind(TestDirectory.ALICE_DN, "x"))
            .isInstanceOf(DirectoryUnavailable.class);
      }
      settings.trustedCertificates = certificates.pem();
      try (UnboundIdLdapClient trusted = new UnboundIdLdapClient(settings.build())) {
        assertThat(trusted.findUser("alice")).isPresent();
        assertThat(trusted.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
            .isEqualTo(BindOutcome.OK);
      }
    }
  }

  @Test
  void ldapsWhenTheCertificateNamesAnotherHostIsUnavailable() throws Exception {
    TestCertificates certificates = TestCertificates.forHost(temp, "ldap.contoso.example");
    try (TestDirectory directory = TestDirectory.start(certificates.ldaps())) {
      TestSettings settings = new TestSettings("ldaps://localhost:" + directory.port());
      settings.security = Security.LDAPS;
      settings.trustedCertificates = certificates.pem();
      try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
        assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
      }
    }
  }

  @Test
  void startTlsWithTheTrustedPemWorksAndWithoutItIsUnavailable() throws Exception {
    TestCertificates certificates = TestCertificates.forLocalhost(temp);
    try (TestDirectory directory = TestDirectory.start(certificates.startTls())) {
      TestSettings settings = directory.settings();
      settings.security = Security.STARTTLS;
      try (UnboundIdLdapClient untrusted = new UnboundIdLdapClient(settings.build())) {
        assertThatThrownBy(() -> untrusted.findUser("alice"))
            .isInstanceOf(DirectoryUnavailable.class);
      }
      settings.trustedCertificates = certificates.pem();
      try (UnboundIdLdapClient trusted = new UnboundIdLdapClient(settings.build())) {
        assertThat(trusted.findUser("alice")).isPresent();
        assertThat(trusted.bind(TestDirectory.ALICE_DN, TestDirectory.ALICE_PASSWORD))
            .isEqualTo(BindOutcome.OK);
      }
    }
  }

  @Test
  void startTlsAgainstAServerWithoutItIsUnavailable() throws Exception {
    try (TestDirectory directory = TestDirectory.start()) {
      TestSettings settings = directory.settings();
      settings.security = Security.STARTTLS;
      try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
        assertThatThrownBy(() -> client.findUser("alice")).isInstanceOf(DirectoryUnavailable.class);
      }
    }
  }
}

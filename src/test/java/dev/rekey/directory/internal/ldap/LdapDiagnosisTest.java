package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.rekey.directory.ConnectionReport;
import dev.rekey.directory.ConnectionReport.Check;
import dev.rekey.directory.ConnectionReport.Outcome;
import dev.rekey.directory.LdapSettings.GroupMode;
import dev.rekey.directory.LdapSettings.Security;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LdapDiagnosisTest {

  @TempDir Path temp;
  private TestDirectory directory;

  @BeforeEach
  void start() throws Exception {
    directory = TestDirectory.start();
    directory
        .server()
        .add(
            "dn: cn=helpdesk," + TestDirectory.GROUPS,
            "objectClass: groupOfNames",
            "cn: helpdesk",
            "member: " + TestDirectory.ALICE_DN);
    directory
        .server()
        .modify(
            "dn: " + TestDirectory.ALICE_DN,
            "changetype: modify",
            "add: memberOf",
            "memberOf: cn=helpdesk," + TestDirectory.GROUPS);
  }

  @AfterEach
  void stop() {
    directory.close();
  }

  private static List<String> codes(ConnectionReport report) {
    return report.checks().stream().map(c -> c.step() + "." + c.code()).toList();
  }

  @Test
  void workingSettingsPassEveryStep() {
    TestSettings settings = directory.settings();
    settings.groupMode = GroupMode.SEARCH;
    ConnectionReport report = LdapDiagnosis.run(settings.build());

    assertThat(report.ok()).isTrue();
    assertThat(report.checks())
        .extracting(Check::step, Check::outcome, Check::code, Check::count)
        .containsExactly(
            tuple("settings", Outcome.PASSED, "ok", null),
            tuple("connect", Outcome.PASSED, "ok", null),
            tuple("bind", Outcome.PASSED, "ok", null),
            tuple("base", Outcome.PASSED, "ok", null),
            tuple("users", Outcome.PASSED, "found", 1),
            tuple("groups", Outcome.PASSED, "ok", 1));
    assertThat(report.checks().get(1).subject()).isEqualTo(directory.url());
    assertThat(report.checks().get(2).subject()).isEqualTo(TestDirectory.SERVICE_DN);
    assertThat(report.toString()).doesNotContain(TestDirectory.SERVICE_SECRET);
  }

  @Test
  void memberOfGroupsAreCountedAndModeNoneIsSkipped() {
    TestSettings settings = directory.settings();
    settings.groupMode = GroupMode.MEMBER_OF;
    assertThat(LdapDiagnosis.run(settings.build()).checks().get(5))
        .extracting(Check::code, Check::count)
        .containsExactly("ok", 1);
    settings.groupMode = GroupMode.NONE;
    assertThat(LdapDiagnosis.run(settings.build()).checks().get(5))
        .extracting(Check::outcome, Check::code)
        .containsExactly(Outcome.PASSED, "skipped");
  }

  @Test
  void aBadUrlFailsTheSettingsAndSkipsTheRest() {
    ConnectionReport report = LdapDiagnosis.run(new TestSettings("http://x").build());
    assertThat(codes(report))
        .containsExactly(
            "settings.urls_invalid",
            "connect.skipped",
            "bind.skipped",
            "base.skipped",
            "users.skipped",
            "groups.skipped");
    assertThat(report.checks().stream().skip(1)).allMatch(c -> c.outcome() == Outcome.SKIPPED);
  }

  @Test
  void anUnreadablePemFailsTheSettings() {
    TestSettings settings = directory.settings();
    settings.security = Security.STARTTLS;
    settings.trustedCertificates =
        "-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----";
    assertThat(codes(LdapDiagnosis.run(settings.build())))
        .first()
        .isEqualTo("settings.certificates_invalid");
  }

  @Test
  void eachUrlIsTriedAndOneWorkingIsEnoughForTheBind() throws Exception {
    int closed = TestDirectory.closedPort();
    TestSettings settings =
        new TestSettings(
            "ldap://localhost:" + closed, "ldap://no-such-host.invalid", directory.url());
    ConnectionReport report = LdapDiagnosis.run(settings.build());
    assertThat(codes(report))
        .containsExactly(
            "settings.ok",
            "connect.refused",
            "connect.unknown_host",
            "connect.ok",
            "bind.ok",
            "base.ok",
            "users.found",
            "groups.skipped");
    assertThat(report.checks().get(1).subject()).isEqualTo("ldap://localhost:" + closed);
    assertThat(report.ok()).isFalse();
  }

  @Test
  void noServerMeansBindAndAfterAreSkipped() throws Exception {
    ConnectionReport report =
        LdapDiagnosis.run(
            new TestSettings("ldap://localhost:" + TestDirectory.closedPort()).build());
    assertThat(codes(report))
        .containsExactly(
            "settings.ok",
            "connect.refused",
            "bind.skipped",
            "base.skipped",
            "users.skipped",
            "groups.skipped");
  }

  @Test
  void aWrongSecretIsInvalidCredentials() {
    TestSettings settings = directory.settings();
    settings.bindSecret = "wrong-secret";
    ConnectionReport report = LdapDiagnosis.run(settings.build());
    assertThat(codes(report)).containsSubsequence("bind.invalid_credentials", "base.skipped");
    assertThat(report.toString()).doesNotContain("wrong-secret");
  }

  @Test
  void aMissingSecretIsAFailedBind() {
    TestSettings settings = directory.settings();
    settings.bindSecret = null;
    assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("bind.failed");
  }

  @Test
  void aMissingBaseIsNotFound() {
    TestSettings settings = directory.settings();
    settings.baseDn = "ou=nowhere," + TestDirectory.BASE;
    assertThat(codes(LdapDiagnosis.run(settings.build())))
        .containsSubsequence("base.not_found", "users.skipped", "groups.skipped");
  }

  @Test
  void userFilterProblems() {
    TestSettings settings = directory.settings();
    settings.userFilter = "(objectClass=inetOrgPerson";
    assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("users.filter_invalid");
    settings.userFilter = "(objectClass=posixAccount)";
    assertThat(codes(LdapDiagnosis.run(settings.build())))
        .containsSubsequence("users.none", "groups.skipped");
  }

  @Test
  void groupProblems() {
    TestSettings settings = directory.settings();
    settings.groupMode = GroupMode.SEARCH;
    settings.groupFilter = "(objectClass=posixGroup)";
    assertThat(codes(LdapDiagnosis.run(settings.build()))).endsWith("groups.none");
    settings.groupFilter = "objectClass=(";
    assertThat(codes(LdapDiagnosis.run(settings.build()))).endsWith("groups.filter_invalid");
  }

  @Test
  void tlsProblemsAreNamed() throws Exception {
    TestCertificates localhost = TestCertificates.forLocalhost(temp);
    TestCertificates other = TestCertificates.forHost(temp, "ldap.contoso.example");
    try (TestDirectory ldaps = TestDirectory.start(localhost.ldaps());
        TestDirectory wrongName = TestDirectory.start(other.ldaps())) {
      TestSettings settings = new TestSettings("ldaps://localhost:" + ldaps.port());
      settings.security = Security.LDAPS;
      assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("connect.tls_untrusted");

      settings.trustedCertificates = localhost.pem();
      assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("connect.ok", "bind.ok");

      settings = new TestSettings("ldaps://localhost:" + wrongName.port());
      settings.security = Security.LDAPS;
      settings.trustedCertificates = other.pem();
      assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("connect.tls_hostname");

      // A TLS client against a plain LDAP listener: the handshake itself fails.
      settings = new TestSettings("ldaps://localhost:" + directory.port());
      settings.connectTimeoutMillis = 500;
      settings.responseTimeoutMillis = 500;
      assertThat(codes(LdapDiagnosis.run(settings.build())))
          .containsAnyOf("connect.tls_failed", "connect.timeout");

      // StartTLS asked of a server that does not offer it.
      settings = directory.settings();
      settings.security = Security.STARTTLS;
      assertThat(codes(LdapDiagnosis.run(settings.build()))).contains("connect.tls_failed");
    }
  }
}

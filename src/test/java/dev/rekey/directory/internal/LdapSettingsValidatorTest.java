package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.directory.DirectoryConnections.SettingsRejected;
import dev.rekey.directory.LdapSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LdapSettingsValidatorTest {

  static final LdapSettings VALID =
      new SettingsDraft(
              "generic",
              List.of("ldap://ldap1.example.org:389", "ldap://[::1]:10389"),
              "starttls",
              null,
              "cn=rekey,ou=services,dc=example,dc=org",
              "s3cret",
              "ou=people,dc=example,dc=org",
              null,
              null,
              null,
              null,
              null,
              null,
              "search",
              null,
              null,
              true,
              null,
              null,
              null,
              true)
          .toSettings();

  static String pem() throws Exception {
    try (InputStream in =
        LdapSettingsValidatorTest.class.getResourceAsStream("/directory/test-ca.pem")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void validateWhenDefaultsThenAcceptedAndTidied() {
    LdapSettings tidy =
        LdapSettingsValidator.validate(
            with(VALID, s -> copy(s, List.of("  ldap://ldap1.example.org:389 ", ""), " ", null)));
    assertThat(tidy.urls()).containsExactly("ldap://ldap1.example.org:389");
    assertThat(tidy.groupBaseDn()).isNull();
    assertThat(tidy.userFilter()).isEqualTo("(objectClass=inetOrgPerson)");
    assertThat(tidy.bindSecret()).isEqualTo("s3cret");
  }

  @Test
  void validateWhenPemCertificatesThenAccepted() throws Exception {
    String two = pem() + "\n" + pem();
    LdapSettings tidy =
        LdapSettingsValidator.validate(with(VALID, s -> copy(s, s.urls(), "", two)));
    assertThat(tidy.trustedCertificates()).contains("BEGIN CERTIFICATE");
  }

  static Stream<Arguments> rejections() throws Exception {
    String pem = pem();
    return Stream.of(
        Arguments.of("urls", "required", change(s -> copy(s, List.of(), "", null))),
        Arguments.of(
            "urls",
            "too_many",
            change(
                s ->
                    copy(
                        s,
                        List.of(
                            "ldap://a:1",
                            "ldap://b:1",
                            "ldap://c:1",
                            "ldap://d:1",
                            "ldap://e:1",
                            "ldap://f:1"),
                        "",
                        null))),
        Arguments.of("urls", "invalid", change(s -> copy(s, List.of("ldap://h/dc=x"), "", null))),
        Arguments.of("urls", "invalid", change(s -> copy(s, List.of("ldap://h:0"), "", null))),
        Arguments.of("urls", "invalid", change(s -> copy(s, List.of("ldap://h:65536"), "", null))),
        Arguments.of("urls", "invalid", change(s -> copy(s, List.of("ldap://h?x"), "", null))),
        Arguments.of("urls", "invalid", change(s -> copy(s, List.of("http://h:389"), "", null))),
        Arguments.of(
            "urls", "scheme_ldaps", change(s -> copy(s, List.of("ldaps://h:636"), "", null))),
        Arguments.of(
            "urls",
            "scheme_ldap",
            change(s -> security(s, LdapSettings.Security.LDAPS, LdapSettings.Flavour.GENERIC))),
        Arguments.of(
            "security",
            "ad_needs_tls",
            change(
                s ->
                    security(
                        s, LdapSettings.Security.NONE, LdapSettings.Flavour.ACTIVE_DIRECTORY))),
        Arguments.of(
            "trustedCertificates",
            "invalid",
            change(
                s ->
                    copy(
                        s,
                        s.urls(),
                        "",
                        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----"))),
        Arguments.of(
            "trustedCertificates", "invalid", change(s -> copy(s, s.urls(), "", "just text"))),
        Arguments.of(
            "trustedCertificates",
            "too_large",
            change(s -> copy(s, s.urls(), "", pem + "x".repeat(200_001))))
        // Text fields: see textRejections.
        );
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rejections")
  void validateWhenOutOfRangeThenRejectedAtTheField(
      String field, String code, UnaryOperator<LdapSettings> change) {
    assertThatThrownBy(() -> LdapSettingsValidator.validate(change.apply(VALID)))
        .isInstanceOfSatisfying(
            SettingsRejected.class,
            r -> {
              assertThat(r.field()).isEqualTo(field);
              assertThat(r.code()).isEqualTo(code);
            });
  }

  static Stream<Arguments> textRejections() {
    return Stream.of(
        Arguments.of("bindDn", "", "required"),
        Arguments.of("bindDn", "not a dn", "invalid"),
        Arguments.of("bindDn", "cn=" + "x".repeat(1025), "too_long"),
        Arguments.of("baseDn", " ", "required"),
        Arguments.of("baseDn", "ou=people,,dc=x", "invalid"),
        Arguments.of("userFilter", "", "required"),
        Arguments.of("userFilter", "(uid=", "invalid"),
        Arguments.of("userFilter", "(uid=" + "x".repeat(1020) + ")", "too_long"),
        Arguments.of("userIdAttribute", "cn", "unsupported"),
        Arguments.of("userIdAttribute", "u id", "invalid"),
        Arguments.of("displayNameAttribute", "1cn", "invalid"),
        Arguments.of("firstNameAttribute", "given_name", "invalid"),
        Arguments.of("lastNameAttribute", "", "required"),
        Arguments.of("emailAttribute", "m".repeat(65), "invalid"),
        Arguments.of("groupBaseDn", "groups", "invalid"),
        Arguments.of("groupFilter", "objectClass=group)", "invalid"),
        Arguments.of("groupFilter", "", "required"),
        Arguments.of("connectTimeoutMillis", "99", "range"),
        Arguments.of("responseTimeoutMillis", "60001", "range"),
        Arguments.of("poolSize", "0", "range"),
        Arguments.of("poolSize", "51", "range"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("textRejections")
  void validateWhenTextOutOfRangeThenRejectedAtTheField(String field, String value, String code) {
    LdapSettings changed = draftWith(field, value).toSettings();
    assertThatThrownBy(() -> LdapSettingsValidator.validate(changed))
        .isInstanceOfSatisfying(
            SettingsRejected.class,
            r -> {
              assertThat(r.field()).isEqualTo(field);
              assertThat(r.code()).isEqualTo(code);
            });
  }

  @Test
  void validateWhenAttributeCaseDiffersThenAccepted() {
    assertThat(
            LdapSettingsValidator.validate(
                    draftWith("userIdAttribute", "SAMACCOUNTNAME").toSettings())
                .userIdAttribute())
        .isEqualTo("SAMACCOUNTNAME");
  }

  @Test
  void validateWhenGroupModeIsNotSearchThenGroupFilterMayBeEmpty() {
    LdapSettings settings =
        new SettingsDraft(
                "generic",
                List.of("ldap://h:389"),
                "none",
                null,
                "cn=a",
                "x",
                "dc=x",
                null,
                null,
                null,
                null,
                null,
                null,
                "none",
                null,
                "",
                false,
                null,
                null,
                null,
                true)
            .toSettings();
    assertThat(LdapSettingsValidator.validate(settings).groupFilter()).isEmpty();
  }

  @Test
  void draftWhenChoiceUnknownOrNumberNotANumberThenRejected() {
    assertThatThrownBy(() -> draftWith("security", "ssl").toSettings())
        .hasFieldOrPropertyWithValue("field", "security")
        .hasFieldOrPropertyWithValue("code", "invalid");
    assertThatThrownBy(() -> draftWith("flavour", "").toSettings())
        .hasFieldOrPropertyWithValue("field", "flavour")
        .hasFieldOrPropertyWithValue("code", "required");
    assertThatThrownBy(() -> draftWith("groupMode", "everything").toSettings())
        .hasFieldOrPropertyWithValue("field", "groupMode")
        .hasFieldOrPropertyWithValue("code", "invalid");
    assertThatThrownBy(() -> draftWith("poolSize", "five").toSettings())
        .hasFieldOrPropertyWithValue("field", "poolSize")
        .hasFieldOrPropertyWithValue("code", "range");
    assertThat(draftWith("flavour", "Active-Directory").toSettings().flavour())
        .isEqualTo(LdapSettings.Flavour.ACTIVE_DIRECTORY);
  }

  /** A draft of VALID with one field as text. */
  static SettingsDraft draftWith(String field, String value) {
    var d = SettingsDraft.of(VALID);
    var values = new java.util.LinkedHashMap<String, Object>();
    for (var component : SettingsDraft.class.getRecordComponents()) {
      try {
        values.put(component.getName(), component.getAccessor().invoke(d));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    values.put(field, value);
    values.put("bindSecret", "s3cret");
    try {
      var types =
          Stream.of(SettingsDraft.class.getRecordComponents())
              .map(java.lang.reflect.RecordComponent::getType)
              .toArray(Class<?>[]::new);
      return SettingsDraft.class
          .getDeclaredConstructor(types)
          .newInstance(values.values().toArray());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static UnaryOperator<LdapSettings> change(UnaryOperator<LdapSettings> change) {
    return change;
  }

  static LdapSettings with(LdapSettings s, UnaryOperator<LdapSettings> change) {
    return change.apply(s);
  }

  static LdapSettings copy(
      LdapSettings s, List<String> urls, String groupBaseDn, String certificates) {
    return new LdapSettings(
        s.flavour(),
        urls,
        s.security(),
        certificates,
        s.bindDn(),
        s.bindSecret(),
        s.baseDn(),
        s.userFilter(),
        s.userIdAttribute(),
        s.displayNameAttribute(),
        s.firstNameAttribute(),
        s.lastNameAttribute(),
        s.emailAttribute(),
        s.groupMode(),
        groupBaseDn,
        s.groupFilter(),
        s.nestedGroups(),
        s.connectTimeoutMillis(),
        s.responseTimeoutMillis(),
        s.poolSize(),
        s.enabled());
  }

  static LdapSettings security(
      LdapSettings s, LdapSettings.Security security, LdapSettings.Flavour flavour) {
    return new LdapSettings(
        flavour,
        s.urls(),
        security,
        s.trustedCertificates(),
        s.bindDn(),
        s.bindSecret(),
        s.baseDn(),
        s.userFilter(),
        s.userIdAttribute(),
        s.displayNameAttribute(),
        s.firstNameAttribute(),
        s.lastNameAttribute(),
        s.emailAttribute(),
        s.groupMode(),
        s.groupBaseDn(),
        s.groupFilter(),
        s.nestedGroups(),
        s.connectTimeoutMillis(),
        s.responseTimeoutMillis(),
        s.poolSize(),
        s.enabled());
  }
}

package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.internal.ldap.LdapSettingsStore;
import dev.rekey.support.LdapTestDirectory;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestTenant;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/v1/admin/directory} against a real (in-memory) LDAP server: storage without the
 * secret in answers or in clear in the database, every validation code, roles, audit, "Test
 * connection" and synchronisation. Each test has its own tenant.
 */
@RekeyTest
@TestPropertySource(
    properties = {
      "spring.application.name=rekey-directory-api-test",
      "rekey.directory.ldap.sync-enabled=false"
    })
class DirectoryConnectionsApiTest {

  static final String PATH = "/api/v1/admin/directory";
  static LdapTestDirectory ldap;

  @Autowired MockMvc mvc;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper json;
  @Autowired LdapSettingsStore store;

  TestTenant t;
  Cookie admin;

  @BeforeAll
  static void startDirectory() throws Exception {
    ldap = new LdapTestDirectory();
    ldap.addUser("ada", "Ada", "Lovelace", "Ada-pass-2026");
    ldap.addGroup("staff", LdapTestDirectory.userDn("ada"));
  }

  @AfterAll
  static void stopDirectory() {
    if (ldap != null) {
      ldap.close();
    }
  }

  @BeforeEach
  void newTenant() throws Exception {
    t = TestTenant.create(tenants, directory);
    admin = TestTenant.signIn(mvc, t.admin());
  }

  /** The in-memory server's settings as the API takes them. */
  static Map<String, @Nullable Object> valid() {
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("flavour", "generic");
    body.put("urls", List.of(ldap.url()));
    body.put("security", "none");
    body.put("bindDn", LdapTestDirectory.SERVICE_DN);
    body.put("bindSecret", LdapTestDirectory.SERVICE_PASSWORD);
    body.put("baseDn", LdapTestDirectory.BASE);
    body.put("userFilter", "(objectClass=inetOrgPerson)");
    body.put("userIdAttribute", "uid");
    body.put("groupMode", "search");
    body.put("groupBaseDn", "ou=groups," + LdapTestDirectory.BASE);
    body.put("groupFilter", "(objectClass=groupOfNames)");
    body.put("nestedGroups", true);
    body.put("connectTimeoutMillis", 2000);
    body.put("responseTimeoutMillis", 3000);
    body.put("poolSize", 2);
    return body;
  }

  static Map<String, @Nullable Object> with(String key, @Nullable Object value) {
    Map<String, @Nullable Object> body = valid();
    body.put(key, value);
    return body;
  }

  private ResultActions send(
      org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
      @Nullable Object body,
      String language)
      throws Exception {
    request.cookie(admin).with(csrf()).header("Accept-Language", language);
    if (body != null) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(body instanceof String text ? text : json.writeValueAsString(body));
    }
    return mvc.perform(request);
  }

  private ResultActions putSettings(Object body) throws Exception {
    return send(put(PATH), body, "en");
  }

  private int rows() {
    return jdbc.sql("SELECT COUNT(*) FROM directory_connection WHERE tenant_id = ?")
        .param(t.id())
        .query(Integer.class)
        .single();
  }

  private List<String> auditDetails(String activity) {
    return jdbc.sql(
            "SELECT details FROM audit_event WHERE tenant_id = ? AND activity = ? ORDER BY seq")
        .param(t.id())
        .param(activity)
        .query(String.class)
        .list();
  }

  @Test
  void getWhenNothingConfiguredThen404() throws Exception {
    send(get(PATH), null, "en")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("directory_not_configured"));
  }

  @Test
  void putWhenValidThenStoredWithoutTheSecretInAnswersOrInClearInTheDatabase() throws Exception {
    putSettings(valid())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.bindSecretSet").value(true))
        .andExpect(jsonPath("$.urls[0]").value(ldap.url()))
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString("service-secret"))));

    send(get(PATH), null, "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.flavour").value("generic"))
        .andExpect(jsonPath("$.security").value("none"))
        .andExpect(jsonPath("$.bindDn").value(LdapTestDirectory.SERVICE_DN))
        .andExpect(jsonPath("$.bindSecretSet").value(true))
        .andExpect(jsonPath("$.groupMode").value("search"))
        .andExpect(jsonPath("$.nestedGroups").value(true))
        .andExpect(jsonPath("$.poolSize").value(2))
        .andExpect(jsonPath("$.enabled").value(true))
        .andExpect(jsonPath("$.bindSecret").doesNotExist())
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString("service-secret"))));

    byte[] column =
        jdbc.sql("SELECT bind_secret FROM directory_connection WHERE tenant_id = ?")
            .param(t.id())
            .query(byte[].class)
            .single();
    String raw = new String(column, StandardCharsets.ISO_8859_1);
    assertThat(raw).doesNotContain(LdapTestDirectory.SERVICE_PASSWORD);
    assertThat(new String(column, StandardCharsets.UTF_16LE))
        .doesNotContain(LdapTestDirectory.SERVICE_PASSWORD);
    assertThat(store.load(t.id()).map(LdapSettings::bindSecret))
        .contains(LdapTestDirectory.SERVICE_PASSWORD);
  }

  @Test
  void putWhenOnlyRequiredFieldsThenDefaultsOfTheFlavour() throws Exception {
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("flavour", "active_directory");
    body.put("urls", List.of("ldaps://dc1.corp.example:636"));
    body.put("security", "ldaps");
    body.put("bindDn", "CN=Rekey,OU=Service,DC=corp,DC=example");
    body.put("bindSecret", "ad-secret");
    body.put("baseDn", "DC=corp,DC=example");
    putSettings(body)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.userIdAttribute").value("userPrincipalName"))
        .andExpect(jsonPath("$.userFilter").value("(&(objectCategory=person)(objectClass=user))"))
        .andExpect(jsonPath("$.groupMode").value("member_of"))
        .andExpect(jsonPath("$.connectTimeoutMillis").value(5000))
        .andExpect(jsonPath("$.trustedCertificates").isEmpty());
  }

  static Stream<Arguments> invalid() {
    List<String> six = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      six.add("ldap://h" + i + ".example:389");
    }
    Map<String, @Nullable Object> ad = with("flavour", "active_directory");
    Map<String, @Nullable Object> ldapsWithLdap = with("security", "ldaps");
    Map<String, @Nullable Object> noSecret = with("bindSecret", null);
    Map<String, @Nullable Object> searchWithoutFilter = with("groupFilter", "");
    return Stream.of(
        Arguments.of("flavour", "required", with("flavour", null)),
        Arguments.of("flavour", "invalid", with("flavour", "novell")),
        Arguments.of("urls", "required", with("urls", List.of())),
        Arguments.of("urls", "required", with("urls", java.util.Arrays.asList(null, " "))),
        Arguments.of("urls", "too_many", with("urls", six)),
        Arguments.of("urls", "invalid", with("urls", List.of("ldap://h.example:389/dc=x"))),
        Arguments.of("urls", "invalid", with("urls", List.of("ldap://h.example:0"))),
        Arguments.of("urls", "scheme_ldaps", with("urls", List.of("ldaps://h.example:636"))),
        Arguments.of("urls", "scheme_ldap", ldapsWithLdap),
        Arguments.of("security", "required", with("security", null)),
        Arguments.of("security", "invalid", with("security", "ssl")),
        Arguments.of("security", "ad_needs_tls", ad),
        Arguments.of("trustedCertificates", "invalid", with("trustedCertificates", "not a PEM")),
        Arguments.of(
            "trustedCertificates",
            "invalid",
            with(
                "trustedCertificates",
                "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")),
        Arguments.of("bindDn", "required", with("bindDn", "")),
        Arguments.of("bindDn", "invalid", with("bindDn", "rekey service")),
        Arguments.of("bindSecret", "required", noSecret),
        Arguments.of("bindSecret", "too_long", with("bindSecret", "x".repeat(1025))),
        Arguments.of("baseDn", "required", with("baseDn", " ")),
        Arguments.of("baseDn", "invalid", with("baseDn", "fabrikam")),
        Arguments.of("userFilter", "invalid", with("userFilter", "(uid=")),
        Arguments.of(
            "userFilter", "too_long", with("userFilter", "(uid=" + "x".repeat(1100) + ")")),
        Arguments.of("userIdAttribute", "unsupported", with("userIdAttribute", "cn")),
        Arguments.of("userIdAttribute", "invalid", with("userIdAttribute", "u;id")),
        Arguments.of("displayNameAttribute", "invalid", with("displayNameAttribute", "1cn")),
        Arguments.of("firstNameAttribute", "required", with("firstNameAttribute", "")),
        Arguments.of("lastNameAttribute", "invalid", with("lastNameAttribute", "s n")),
        Arguments.of("emailAttribute", "invalid", with("emailAttribute", "m".repeat(65))),
        Arguments.of("groupMode", "invalid", with("groupMode", "all")),
        Arguments.of("groupBaseDn", "invalid", with("groupBaseDn", "groups")),
        Arguments.of("groupFilter", "invalid", with("groupFilter", "(cn=*")),
        Arguments.of("groupFilter", "required", searchWithoutFilter),
        Arguments.of("connectTimeoutMillis", "range", with("connectTimeoutMillis", 99)),
        Arguments.of("responseTimeoutMillis", "range", with("responseTimeoutMillis", 60_001)),
        Arguments.of("poolSize", "range", with("poolSize", 0)),
        Arguments.of("poolSize", "range", with("poolSize", 51)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("invalid")
  void putWhenSettingInvalidThen422AtTheFieldAndNothingStored(
      String field, String code, Map<String, @Nullable Object> body) throws Exception {
    putSettings(body)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.code").value("directory_settings"))
        .andExpect(jsonPath("$.field").value(field))
        .andExpect(jsonPath("$.reason").value(code))
        .andExpect(jsonPath("$.detail").value(not(is("directory.field." + field + "." + code))))
        .andExpect(jsonPath("$.detail").isNotEmpty());
    assertThat(rows()).isZero();
    assertThat(auditDetails("Directory connection changes")).isEmpty();
  }

  @Test
  void putWhenRejectedInDutchThenDutchDetail() throws Exception {
    send(put(PATH), with("poolSize", 80), "nl")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.detail").value("Vul een getal van 1 tot 50 in."));
  }

  @Test
  void putWhenMalformedOrWrongTypesThen400AndNothingStored() throws Exception {
    putSettings("{\"flavour\": \"generic\", ").andExpect(status().isBadRequest());
    putSettings(with("poolSize", "many"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("poolSize"));
    putSettings(with("nestedGroups", "maybe")).andExpect(status().isBadRequest());
    putSettings(with("urls", Map.of("a", 1))).andExpect(status().isBadRequest());
    putSettings("[1, 2]").andExpect(status().isBadRequest());
    // The API's body limit (rekey.web.max-api-body, 64 KB) comes before the 200 kB certificate
    // limit.
    putSettings(with("trustedCertificates", "-----BEGIN CERTIFICATE-----" + "A".repeat(70_000)))
        .andExpect(status().isPayloadTooLarge());
    assertThat(rows()).isZero();
  }

  @Test
  void helpdeskAndAnonymousAreRefusedAndNothingChanges() throws Exception {
    Cookie helpdesk = TestTenant.signIn(mvc, t.helpdesk());
    String body = json.writeValueAsString(valid());
    mvc.perform(get(PATH).cookie(helpdesk)).andExpect(status().isForbidden());
    mvc.perform(
            put(PATH)
                .cookie(helpdesk)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isForbidden());
    mvc.perform(post(PATH + "/test").cookie(helpdesk).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(post(PATH + "/sync").cookie(helpdesk).with(csrf()))
        .andExpect(status().isForbidden());
    mvc.perform(delete(PATH).cookie(helpdesk).with(csrf())).andExpect(status().isForbidden());
    mvc.perform(get(PATH))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(put(PATH).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isUnauthorized());
    // An admin without the CSRF token (SPA convention: X-XSRF-TOKEN) is refused as well.
    mvc.perform(put(PATH).cookie(admin).contentType(MediaType.APPLICATION_JSON).content(body))
        .andExpect(status().isForbidden());
    assertThat(rows()).isZero();
  }

  @Test
  void putWithoutSecretKeepsTheStoredOneAndTheConnectionStillBinds() throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    byte[] before = secretColumn();

    putSettings(
            with("bindSecret", null).entrySet().stream()
                .filter(e -> !e.getKey().equals("poolSize"))
                .collect(
                    LinkedHashMap::new, (m, e) -> m.put(e.getKey(), e.getValue()), Map::putAll))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.poolSize").value(5))
        .andExpect(jsonPath("$.bindSecretSet").value(true));

    assertThat(secretColumn()).isEqualTo(before);
    send(post(PATH + "/test"), null, "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.checks[*].outcome", everyItem(is("passed"))))
        .andExpect(jsonPath("$.checks[*].step", hasItem("bind")));
  }

  @Test
  void putWithoutSecretToAnotherServerIsRefusedSoTheStoredSecretNeverTravelsThere()
      throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    Map<String, @Nullable Object> elsewhere = with("bindSecret", null);
    elsewhere.put("urls", List.of("ldap://attacker.example:389"));
    putSettings(elsewhere)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.field").value("bindSecret"))
        .andExpect(jsonPath("$.reason").value("required_for_new_target"));
    send(post(PATH + "/test"), elsewhere, "en")
        .andExpect(status().isUnprocessableEntity())
        .andExpect(jsonPath("$.reason").value("required_for_new_target"));
    send(get(PATH), null, "en").andExpect(jsonPath("$.urls[0]").value(ldap.url()));
  }

  @Test
  void changesAreAuditedWithBeforeAndAfterButNeverTheSecret() throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    putSettings(with("poolSize", 7)).andExpect(status().isOk());
    // The same settings again: nothing changed, nothing audited.
    putSettings(with("poolSize", 7)).andExpect(status().isOk());
    send(delete(PATH), null, "en").andExpect(status().isNoContent());

    List<String> details = auditDetails("Directory connection changes");
    assertThat(details).hasSize(3);
    assertThat(details).allSatisfy(d -> assertThat(d).doesNotContain("service-secret"));
    var created = json.readTree(details.get(0));
    assertThat(created.get("before").isEmpty()).isTrue();
    assertThat(created.get("after").get("bindSecret").asString()).isEqualTo("changed");
    assertThat(created.get("after").get("bindDn").asString())
        .isEqualTo(LdapTestDirectory.SERVICE_DN);
    var changed = json.readTree(details.get(1));
    assertThat(changed.get("before").get("poolSize").asInt()).isEqualTo(2);
    assertThat(changed.get("after").get("poolSize").asInt()).isEqualTo(7);
    assertThat(changed.get("after").get("bindSecret").asString()).isEqualTo("unchanged");
    assertThat(changed.get("after").has("bindDn")).isFalse();
    var removed = json.readTree(details.get(2));
    assertThat(removed.get("after").isEmpty()).isTrue();
    assertThat(removed.get("before").get("urls").get(0).asString()).isEqualTo(ldap.url());

    String actor =
        jdbc.sql(
                "SELECT actor_label FROM audit_event WHERE tenant_id = ? AND activity = ?"
                    + " ORDER BY seq LIMIT 1")
            .param(t.id())
            .param("Directory connection changes")
            .query(String.class)
            .single();
    assertThat(actor).isEqualTo(t.admin().upn());
  }

  @Test
  void deleteThen204AndGone() throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    send(delete(PATH), null, "en").andExpect(status().isNoContent());
    send(get(PATH), null, "en").andExpect(status().isNotFound());
    assertThat(rows()).isZero();
    assertThat(store.load(t.id())).isEmpty();
  }

  @Test
  void testWhenServerAnswersThenEveryStepPassesWithWords() throws Exception {
    send(post(PATH + "/test"), valid(), "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(true))
        .andExpect(jsonPath("$.checks[*].outcome", everyItem(is("passed"))))
        .andExpect(
            jsonPath("$.checks[?(@.step == 'bind')].message")
                .value("The service account signed in."))
        .andExpect(
            jsonPath("$.checks[?(@.step == 'users')].count", everyItem(greaterThanOrEqualTo(1))))
        .andExpect(content().string(not(org.hamcrest.Matchers.containsString("service-secret"))));
    assertThat(rows()).isZero();
  }

  @Test
  void testWhenSecretWrongThenBindInvalidCredentialsInDutch() throws Exception {
    send(post(PATH + "/test"), with("bindSecret", "wrong-secret"), "nl")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(false))
        .andExpect(jsonPath("$.checks[?(@.step == 'bind')].outcome").value("failed"))
        .andExpect(jsonPath("$.checks[?(@.step == 'bind')].code").value("invalid_credentials"))
        .andExpect(
            jsonPath("$.checks[?(@.step == 'bind')].message")
                .value("De DN of het wachtwoord van het serviceaccount is onjuist."))
        .andExpect(jsonPath("$.checks[?(@.step == 'users')].outcome").value("skipped"));
  }

  @Test
  void testWhenPortClosedThenConnectRefused() throws Exception {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    send(post(PATH + "/test"), with("urls", List.of("ldap://127.0.0.1:" + closed)), "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.ok").value(false))
        .andExpect(jsonPath("$.checks[?(@.step == 'connect')].code").value("refused"))
        .andExpect(
            jsonPath("$.checks[?(@.step == 'connect')].subject")
                .value("ldap://127.0.0.1:" + closed))
        .andExpect(jsonPath("$.checks[?(@.step == 'connect')].message").isNotEmpty());
  }

  @Test
  void testWithoutBodyWhenNothingStoredThen409() throws Exception {
    send(post(PATH + "/test"), null, "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("directory_not_configured"));
  }

  @Test
  void syncWhenNotConfiguredThen409() throws Exception {
    send(post(PATH + "/sync"), null, "en")
        .andExpect(status().isConflict())
        .andExpect(jsonPath("$.code").value("directory_not_configured"));
  }

  @Test
  void syncThenCountsAndAudited() throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    send(post(PATH + "/sync"), null, "en")
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.seen").value(greaterThanOrEqualTo(1)))
        .andExpect(jsonPath("$.created").value(greaterThanOrEqualTo(1)));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM account WHERE tenant_id = ? AND directory_id IS NOT NULL")
                .param(t.id())
                .query(Integer.class)
                .single())
        .isGreaterThanOrEqualTo(1);
    List<String> audited = auditDetails("Synchronise directory");
    assertThat(audited).hasSize(1);
    assertThat(json.readTree(audited.get(0)).get("created").asInt()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void syncWhenDirectoryDownThen503AndNothingAudited() throws Exception {
    putSettings(valid()).andExpect(status().isOk());
    ldap.stop();
    try {
      send(post(PATH + "/sync"), null, "en")
          .andExpect(status().isServiceUnavailable())
          .andExpect(jsonPath("$.code").value("directory_unavailable"));
    } finally {
      ldap.start();
    }
    assertThat(auditDetails("Synchronise directory")).isEmpty();
  }

  private byte[] secretColumn() {
    return jdbc.sql("SELECT bind_secret FROM directory_connection WHERE tenant_id = ?")
        .param(t.id())
        .query(byte[].class)
        .single();
  }
}

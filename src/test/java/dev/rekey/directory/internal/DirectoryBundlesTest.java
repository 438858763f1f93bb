package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.audit.AuditActivity;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The directory page's words exist in English and Dutch for every code the code can produce. */
class DirectoryBundlesTest {

  static final String DIR = "src/main/java/dev/rekey/directory/internal/";

  @Test
  void dutchHasEveryEnglishKey() throws Exception {
    assertThat(load("i18n/admin-directory_nl.properties").keySet())
        .isEqualTo(load("i18n/admin-directory.properties").keySet());
  }

  /** Every {@code rejected("field", "code")} in the sources has a message in both languages. */
  @Test
  void everyRejectionHasWords() throws Exception {
    Properties en = load("i18n/admin-directory.properties");
    Properties nl = load("i18n/admin-directory_nl.properties");
    Pattern rejected =
        Pattern.compile("rejected\\(\\s*(?:\"([A-Za-z]+)\"|field),\\s*\"([a-z_]+)\"");
    int found = 0;
    for (String file :
        List.of(
            "LdapSettingsValidator.java", "SettingsDraft.java", "JdbcDirectoryConnections.java")) {
      Matcher m = rejected.matcher(Files.readString(Path.of(DIR + file), StandardCharsets.UTF_8));
      while (m.find()) {
        found++;
        List<String> fields = m.group(1) != null ? List.of(m.group(1)) : DirectoryForms.FIELDS;
        for (String field : fields) {
          String key = "directory.field." + field + "." + m.group(2);
          if (m.group(1) == null && !en.containsKey(key)) {
            continue; // a generic rule (required, invalid...) need not apply to every field
          }
          assertThat(en).as(file).containsKey(key);
          assertThat(nl).as(file).containsKey(key);
        }
      }
    }
    assertThat(found).isGreaterThan(20);
    for (String field : DirectoryForms.FIELDS) {
      assertThat(en).containsKeys("directory.field." + field, "directory.field." + field + ".hint");
    }
  }

  /** The LDAP client's step codes (ConnectionReport): each has words, and so does each step. */
  @Test
  void everyTestStepCodeHasWords() throws Exception {
    Properties en = load("i18n/admin-directory.properties");
    for (String code :
        List.of(
            "settings.ok",
            "settings.urls_invalid",
            "settings.certificates_invalid",
            "connect.ok",
            "connect.refused",
            "connect.timeout",
            "connect.unknown_host",
            "connect.tls_untrusted",
            "connect.tls_hostname",
            "connect.tls_failed",
            "connect.failed",
            "connect.skipped",
            "bind.ok",
            "bind.invalid_credentials",
            "bind.failed",
            "bind.skipped",
            "base.ok",
            "base.not_found",
            "base.skipped",
            "users.found",
            "users.none",
            "users.filter_invalid",
            "users.skipped",
            "groups.ok",
            "groups.none",
            "groups.skipped",
            "groups.filter_invalid")) {
      assertThat(en).containsKey("directory.test." + code);
    }
    for (String step : List.of("settings", "connect", "tls", "bind", "base", "users", "groups")) {
      assertThat(en).containsKey("directory.test.step." + step);
    }
    assertThat(ReportDocument.messageKey("connect", "refused"))
        .isEqualTo("directory.test.connect.refused");
    assertThat(ReportDocument.messageKey("connect", "connect.refused"))
        .isEqualTo("directory.test.connect.refused");
  }

  /** Test messages are formatted with arguments, so a lone apostrophe there would vanish. */
  @Test
  void testMessagesHaveNoLoneApostrophes() throws Exception {
    for (String bundle :
        List.of("i18n/admin-directory.properties", "i18n/admin-directory_nl.properties")) {
      Properties p = load(bundle);
      for (String key : p.stringPropertyNames()) {
        if (key.startsWith("directory.test.")) {
          assertThat(p.getProperty(key).replace("''", "")).as(key).doesNotContain("'");
        }
      }
    }
  }

  @Test
  void activitiesHaveNamesInBothLanguages() throws Exception {
    Properties en = load("i18n/audit.properties");
    Properties nl = load("i18n/audit_nl.properties");
    for (AuditActivity activity :
        List.of(AuditActivity.DIRECTORY_CONNECTION_CHANGED, AuditActivity.DIRECTORY_SYNCHRONISED)) {
      assertThat(en.getProperty(activity.messageKey())).isEqualTo(activity.entraName());
      assertThat(nl).containsKey(activity.messageKey());
    }
  }

  private static Properties load(String resource) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        DirectoryBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

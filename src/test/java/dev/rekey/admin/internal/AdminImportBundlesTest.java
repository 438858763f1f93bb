package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.audit.AuditActivity;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class AdminImportBundlesTest {

  @Test
  void dutchHasEveryEnglishKey() throws Exception {
    assertThat(load("i18n/admin-import_nl.properties").keySet())
        .isEqualTo(load("i18n/admin-import.properties").keySet());
  }

  /** Every row or file code the import code can produce has a reason in both languages. */
  @Test
  void everyImportCodeAndColumnHasWords() throws Exception {
    Properties en = load("i18n/admin-import.properties");
    Properties nl = load("i18n/admin-import_nl.properties");
    Pattern code = Pattern.compile("\"([a-z_]+)\"");
    for (String file :
        List.of("ImportCsv.java", "CsvRecords.java", "ImportFiles.java", "UserImporter.java")) {
      String source =
          Files.readString(
              Path.of("src/main/java/dev/rekey/admin/internal", file), StandardCharsets.UTF_8);
      Matcher m = code.matcher(source);
      while (m.find()) {
        String value = m.group(1);
        if (Set.of(
                "row",
                "queued",
                "running",
                "finished",
                "failed",
                "import",
                "source",
                "line",
                "not_found",
                "unavailable",
                "importId",
                "total",
                "ok")
            .contains(value)) {
          continue;
        }
        if (ImportCsv.COLUMNS.contains(value)) {
          continue;
        }
        assertThat(en.containsKey("import.error." + value)).as(file + ": " + value).isTrue();
        assertThat(nl.containsKey("import.error." + value)).as(file + ": " + value).isTrue();
      }
    }
    for (String column : ImportCsv.COLUMNS) {
      assertThat(en).containsKey("import.field." + column);
    }
    assertThat(en).containsKey("import.field.row");
    for (String status : List.of("queued", "running", "finished", "failed")) {
      assertThat(en).containsKey("import.status." + status);
    }
  }

  @Test
  void newActivitiesHaveNamesInBothLanguages() throws Exception {
    Properties en = load("i18n/audit.properties");
    Properties nl = load("i18n/audit_nl.properties");
    for (AuditActivity activity :
        List.of(
            AuditActivity.ADD_USER,
            AuditActivity.ADD_GROUP,
            AuditActivity.ADD_MEMBER_TO_GROUP,
            AuditActivity.REMOVE_MEMBER_FROM_GROUP,
            AuditActivity.BULK_CREATE_USERS)) {
      assertThat(en.getProperty(activity.messageKey())).isEqualTo(activity.entraName());
      assertThat(nl).containsKey(activity.messageKey());
    }
  }

  private static Properties load(String resource) throws Exception {
    Properties properties = new Properties();
    try (InputStream in =
        AdminImportBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}

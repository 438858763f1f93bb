package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-import-test")
class ImportApiTest {

  @Autowired MockMvc mvc;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired Tenants tenants;
  @Autowired AuditLog audit;

  Cookie as(String upn) throws Exception {
    return TestSessions.session(mvc, upn, TestSessions.DEMO_PASSWORD);
  }

  UUID contoso() {
    return tenants.findByDomain("contoso.com").orElseThrow().id();
  }

  static String tag() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  ResultActions upload(@Nullable Cookie session, byte[] file) throws Exception {
    var request =
        multipart("/api/v1/admin/imports")
            .file(new MockMultipartFile("file", "users.csv", "text/csv", file))
            .with(csrf());
    return mvc.perform(session == null ? request : request.cookie(session));
  }

  /** Polls the job the way the page's script does, until it is over. */
  String awaitFinished(Cookie session, String id, String language) throws Exception {
    Instant give = Instant.now().plus(Duration.ofSeconds(30));
    while (true) {
      String body =
          mvc.perform(
                  get("/api/v1/admin/imports/{id}", id)
                      .cookie(session)
                      .header("Accept-Language", language))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);
      String status = JsonPath.read(body, "$.status");
      if (status.equals("finished") || status.equals("failed")) {
        return body;
      }
      assertThat(Instant.now()).isBefore(give);
      Thread.sleep(50);
    }
  }

  @Test
  void goodRowsAreImportedAndBadRowsReportedWithExactLines() throws Exception {
    String t = tag();
    Group staff = groups.create(contoso(), "Imported staff " + t);
    Cookie admin = as("admin@contoso.com");
    String csv =
        "userId,displayName,firstName,lastName,email,groups\r\n"
            + "ann-"
            + t
            + "@contoso.com,Ann One,Ann,One,ann@example.com,Imported staff "
            + t
            + "\r\n"
            + "bad-upn,Bad,,,,\r\n"
            + "\r\n"
            + "bob-"
            + t
            + "@contoso.com,\"=cmd|' /C calc'!A0\",,,,\r\n"
            + "alain@contoso.com,Existing,,,,\r\n"
            + "cat-"
            + t
            + "@contoso.com,Cat,,,,Nope "
            + t
            + "\r\n"
            + "dan-"
            + t
            + "@elsewhere.example,Dan,,,,\r\n"
            + "ANN-"
            + t
            + "@contoso.com,Ann Again,,,,\r\n"
            + "eve-"
            + t
            + "@contoso.com,Eve,,,,Imported staff "
            + t
            + ";\r\n"
            + "too,many,columns,here,,,,\r\n";

    String started =
        upload(admin, csv.getBytes(StandardCharsets.UTF_8))
            .andExpect(status().isAccepted())
            .andExpect(header().exists("Location"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String id = JsonPath.read(started, "$.id");
    String body = awaitFinished(admin, id, "en");

    assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("finished");
    assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(9);
    assertThat(JsonPath.<Integer>read(body, "$.done")).isEqualTo(9);
    assertThat(JsonPath.<Integer>read(body, "$.ok")).isEqualTo(3);
    assertThat(JsonPath.<Integer>read(body, "$.failed")).isEqualTo(6);
    assertThat(JsonPath.<Integer>read(body, "$.percent")).isEqualTo(100);
    List<Map<String, Object>> errors = JsonPath.read(body, "$.errors");
    assertThat(errors)
        .extracting(e -> e.get("line") + ":" + e.get("field") + ":" + e.get("code"))
        .containsExactly(
            "3:userId:upn_invalid",
            "6:userId:upn_taken",
            "7:groups:group_unknown",
            "8:userId:upn_domain",
            "9:userId:duplicate_in_file",
            "11:row:column_count");
    assertThat(errors.get(0).get("message"))
        .isEqualTo("This is not a user ID in the form name@domain.");

    Account ann = directory.findByUserId("ann-" + t + "@contoso.com").orElseThrow();
    assertThat(ann.displayName()).isEqualTo("Ann One");
    assertThat(ann.email()).isEqualTo("ann@example.com");
    assertThat(groups.isMember(ann.id(), staff.id())).isTrue();
    // No password anybody knows: the demo password and an empty one both fail.
    assertThat(directory.authenticate(ann.upn(), TestSessions.DEMO_PASSWORD)).isEmpty();
    assertThat(directory.authenticate(ann.upn(), "")).isEmpty();
    Account bob = directory.findByUserId("bob-" + t + "@contoso.com").orElseThrow();
    assertThat(bob.displayName()).isEqualTo("=cmd|' /C calc'!A0");
    assertThat(directory.findByUserId("cat-" + t + "@contoso.com")).isEmpty();
    assertThat(directory.findByUserId("alain@contoso.com").orElseThrow().displayName())
        .isEqualTo("Alain Lambert");
    assertThat(
            groups.summaries(contoso()).stream()
                .filter(g -> g.id().equals(staff.id()))
                .findFirst()
                .orElseThrow()
                .accounts())
        .isEqualTo(2);

    assertThat(
            audit
                .find(
                    new AuditQuery(
                        contoso(), AuditActivity.ADD_USER, null, ann.upn(), null, null, 0, 5))
                .items())
        .hasSize(1);
    assertThat(
            audit
                .find(
                    new AuditQuery(
                        contoso(), AuditActivity.BULK_CREATE_USERS, null, null, null, null, 0, 50))
                .items()
                .stream()
                .filter(e -> id.equals(e.details().get("importId"))))
        .singleElement()
        .satisfies(e -> assertThat(e.details()).containsEntry("ok", 3).containsEntry("failed", 6));

    String dutch = awaitFinished(admin, id, "nl");
    assertThat(JsonPath.<String>read(dutch, "$.errors[0].message"))
        .isEqualTo("Dit is geen gebruikers-id in de vorm naam@domein.");
  }

  @Test
  void unusableFilesAreRefusedAtOnceNamingTheFileField() throws Exception {
    Cookie admin = as("admin@contoso.com");
    byte[][] files = {
      new byte[0],
      "name,email\nx,y\n".getBytes(StandardCharsets.UTF_8),
      {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13},
      {'u', 's', 'e', 'r', (byte) 0xFF, '\n'},
      new byte[(int) ImportFiles.MAX_FILE.toBytes() + 1],
    };
    for (byte[] file : files) {
      upload(admin, file)
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value("file"));
    }
    mvc.perform(multipart("/api/v1/admin/imports").with(csrf()).cookie(admin))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("file"));
  }

  @Test
  void onlyAdminsImportAndReadImportsOfTheirOwnTenant() throws Exception {
    byte[] csv =
        ("userId,displayName,firstName,lastName,email,groups\nz-" + tag() + "@contoso.com,Z,,,,\n")
            .getBytes(StandardCharsets.UTF_8);
    Cookie admin = as("admin@contoso.com");
    String id =
        JsonPath.read(
            upload(admin, csv)
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    awaitFinished(admin, id, "en");

    for (String who : List.of("helpdesk@contoso.com", "alain@contoso.com")) {
      Cookie session = as(who);
      upload(session, csv)
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
      mvc.perform(get("/api/v1/admin/imports/{id}", id).cookie(session))
          .andExpect(status().isForbidden());
    }
    upload(null, csv).andExpect(status().isUnauthorized());
    for (String unknown : List.of(UUID.randomUUID().toString(), "not-an-id")) {
      mvc.perform(get("/api/v1/admin/imports/{id}", unknown).cookie(admin))
          .andExpect(status().isNotFound())
          .andExpect(jsonPath("$.code").value("not_found"));
    }
    mvc.perform(get("/admin/import/{id}", id).cookie(admin)).andExpect(status().isOk());
    mvc.perform(get("/admin/import/{id}", UUID.randomUUID()).cookie(admin))
        .andExpect(status().isNotFound());
  }

  @Test
  void aFormulaInAnImportedUserIdIsStoredAsTextAndEscapedInTheAuditCsv() throws Exception {
    String upn = "=1+2-" + tag() + "@contoso.com";
    Cookie admin = as("admin@contoso.com");
    String id =
        JsonPath.read(
            upload(
                    admin,
                    ("userId,displayName,firstName,lastName,email,groups\n"
                            + upn
                            + ",\"@SUM(A1)\",,,,\n")
                        .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(),
            "$.id");
    assertThat(JsonPath.<Integer>read(awaitFinished(admin, id, "en"), "$.ok")).isEqualTo(1);
    assertThat(directory.findByUserId(upn).orElseThrow().displayName()).isEqualTo("@SUM(A1)");

    String csv =
        mvc.perform(
                get("/api/v1/admin/audit")
                    .param("userId", upn)
                    .header("Accept", "text/csv")
                    .cookie(admin))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(csv).contains("'" + upn).doesNotContain("," + upn);
  }
}

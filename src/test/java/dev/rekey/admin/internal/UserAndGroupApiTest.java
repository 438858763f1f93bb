package dev.rekey.admin.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditQuery;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.Role;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestSessions;
import dev.rekey.tenant.Tenants;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@RekeyTest
@TestPropertySource(properties = "spring.application.name=rekey-import-test")
class UserAndGroupApiTest {

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

  static String name(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  ResultActions send(MockHttpServletRequestBuilder request, @Nullable Cookie session, String json)
      throws Exception {
    request.with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json);
    return mvc.perform(session == null ? request : request.cookie(session));
  }

  ResultActions createUser(@Nullable Cookie session, String json) throws Exception {
    return send(post("/api/v1/admin/users"), session, json);
  }

  @Test
  void anAdminCreatesAUserWithATemporaryPasswordShownOnceInGroupsAndAudited() throws Exception {
    Group group = groups.create(contoso(), name("New staff"));
    String upn = TestSessions.freshUpn("created");

    String body =
        createUser(
                as("admin@contoso.com"),
                "{\"userId\":\"%s\",\"displayName\":\"Pat Doe\",\"firstName\":\"Pat\",\"email\":\"Pat@Example.com\",\"roles\":[\"helpdesk\"],\"groups\":[\"%s\"]}"
                    .formatted(upn.toUpperCase(), group.id()))
            .andExpect(status().isCreated())
            .andExpect(header().string("Cache-Control", "no-store"))
            .andExpect(jsonPath("$.userId").value(upn))
            .andExpect(jsonPath("$.displayName").value("Pat Doe"))
            .andExpect(jsonPath("$.email").value("pat@example.com"))
            .andExpect(jsonPath("$.roles[0]").value("helpdesk"))
            .andExpect(jsonPath("$.groups[0].name").value(group.name()))
            .andExpect(jsonPath("$.mustChangePassword").value(true))
            .andReturn()
            .getResponse()
            .getContentAsString();

    String temporary = JsonPath.read(body, "$.temporaryPassword");
    assertThat(temporary).hasSizeGreaterThanOrEqualTo(16);
    Account account = directory.authenticate(upn, temporary).orElseThrow();
    assertThat(account.mustChangePassword()).isTrue();
    assertThat(account.roles()).containsExactly(Role.HELPDESK);
    assertThat(groups.isMember(account.id(), group.id())).isTrue();
    List<AuditEvent> events =
        audit
            .find(new AuditQuery(contoso(), AuditActivity.ADD_USER, null, upn, null, null, 0, 10))
            .items();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).actorLabel()).isEqualTo("admin@contoso.com");
    assertThat(events.get(0).details().toString()).doesNotContain(temporary);
  }

  @Test
  void twoNewUsersNeverGetTheSamePassword() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String first =
        createUser(
                admin,
                "{\"userId\":\"%s\",\"displayName\":\"One\"}"
                    .formatted(TestSessions.freshUpn("one")))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String second =
        createUser(
                admin,
                "{\"userId\":\"%s\",\"displayName\":\"Two\"}"
                    .formatted(TestSessions.freshUpn("two")))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.roles[0]").value("user"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat((String) JsonPath.read(first, "$.temporaryPassword"))
        .isNotEqualTo(JsonPath.read(second, "$.temporaryPassword"));
  }

  @Test
  void invalidNewUsersAreRefusedNamingTheField() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String foreignDomain = "f" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    UUID foreignGroup =
        groups.create(tenants.create("Other", List.of(foreignDomain)).id(), name("Theirs")).id();
    String fresh = TestSessions.freshUpn("v");
    String[][] cases = {
      {"{\"displayName\":\"X\"}", "userId"},
      {"{\"userId\":\"not-a-upn\",\"displayName\":\"X\"}", "userId"},
      {"{\"userId\":\"x@" + foreignDomain + "\",\"displayName\":\"X\"}", "userId"},
      {"{\"userId\":\"alain@contoso.com\",\"displayName\":\"X\"}", "userId"},
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"  \"}", "displayName"},
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"" + "x".repeat(257) + "\"}", "displayName"},
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"X\",\"email\":\"nope\"}", "email"},
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"X\",\"roles\":[\"root\"]}", "roles"},
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"X\",\"groups\":[\"x\"]}", "groups"},
      {
        "{\"userId\":\""
            + fresh
            + "\",\"displayName\":\"X\",\"groups\":[\""
            + foreignGroup
            + "\"]}",
        "groups"
      },
      {"{\"userId\":\"" + fresh + "\",\"displayName\":\"X\",\"roles\":\"admin\"}", "roles"},
    };
    for (String[] c : cases) {
      createUser(admin, c[0])
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value(c[1]));
    }
    createUser(admin, "not json").andExpect(status().isBadRequest());
    assertThat(directory.findByUserId(fresh)).isEmpty();
  }

  @Test
  void helpdeskAndUsersAreForbiddenAnonymousUnauthenticated() throws Exception {
    Group group = groups.create(contoso(), name("Guarded"));
    String json = "{\"userId\":\"%s\",\"displayName\":\"X\",\"name\":\"G\"}";
    for (String who : List.of("helpdesk@contoso.com", "alain@contoso.com")) {
      Cookie session = as(who);
      String upn = TestSessions.freshUpn("forbidden");
      createUser(session, json.formatted(upn))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
      assertThat(directory.findByUserId(upn)).isEmpty();
      mvc.perform(get("/api/v1/admin/groups").cookie(session))
          .andExpect(status().isForbidden())
          .andExpect(jsonPath("$.code").value("forbidden"));
      send(post("/api/v1/admin/groups"), session, "{\"name\":\"Sneaky\"}")
          .andExpect(status().isForbidden());
      send(
              post("/api/v1/admin/groups/{id}/members", group.id()),
              session,
              "{\"userId\":\"" + who + "\"}")
          .andExpect(status().isForbidden());
      mvc.perform(
              delete("/api/v1/admin/groups/{id}/members/{m}", group.id(), UUID.randomUUID())
                  .with(csrf())
                  .cookie(session))
          .andExpect(status().isForbidden());
      mvc.perform(get("/admin/groups").cookie(session)).andExpect(status().isForbidden());
      mvc.perform(get("/admin/users/new").cookie(session)).andExpect(status().isForbidden());
      mvc.perform(get("/admin/import").cookie(session)).andExpect(status().isForbidden());
    }
    assertThat(groups.findByName(contoso(), "Sneaky")).isEmpty();
    createUser(null, json.formatted("a@contoso.com"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.code").value("unauthenticated"));
    mvc.perform(get("/api/v1/admin/groups")).andExpect(status().isUnauthorized());
  }

  @Test
  void anAdminManagesGroupsAndTheirMembersAudited() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String parentName = name("Parent");
    String parentBody =
        send(post("/api/v1/admin/groups"), admin, "{\"name\":\"" + parentName + "\"}")
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.name").value(parentName))
            .andExpect(jsonPath("$.members").value(0))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String parentId = JsonPath.read(parentBody, "$.id");
    UUID childId = groups.create(contoso(), name("Child")).id();
    Account member =
        TestSessions.createAccount(
            tenants, directory, TestSessions.freshUpn("member"), TestSessions.DEMO_PASSWORD, false);

    send(post("/api/v1/admin/groups"), admin, "{\"name\":\"" + parentName + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("name"));
    send(post("/api/v1/admin/groups"), admin, "{\"name\":\" \"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("name"));
    send(
            post("/api/v1/admin/groups/{id}/members", parentId),
            admin,
            "{\"userId\":\"" + member.upn() + "\"}")
        .andExpect(status().isNoContent());
    send(
            post("/api/v1/admin/groups/{id}/members", parentId),
            admin,
            "{\"groupId\":\"" + childId + "\"}")
        .andExpect(status().isNoContent());
    send(
            post("/api/v1/admin/groups/{id}/members", childId),
            admin,
            "{\"groupId\":\"" + parentId + "\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("groupId"));
    send(
            post("/api/v1/admin/groups/{id}/members", parentId),
            admin,
            "{\"userId\":\"nobody@contoso.com\"}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("userId"));
    send(post("/api/v1/admin/groups/{id}/members", parentId), admin, "{}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("userId"));

    String list =
        mvc.perform(get("/api/v1/admin/groups?size=500").cookie(admin))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.page").value(0))
            .andExpect(jsonPath("$.size").value(500))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(JsonPath.<List<Integer>>read(list, "$.items[?(@.id=='" + parentId + "')].members"))
        .containsExactly(1);
    assertThat(JsonPath.<List<Integer>>read(list, "$.items[?(@.id=='" + parentId + "')].groups"))
        .containsExactly(1);

    mvc.perform(
            delete("/api/v1/admin/groups/{id}/members/{m}", parentId, member.id())
                .with(csrf())
                .cookie(admin))
        .andExpect(status().isNoContent());
    mvc.perform(
            delete("/api/v1/admin/groups/{id}/members/{m}", parentId, member.id())
                .with(csrf())
                .cookie(admin))
        .andExpect(status().isNotFound());
    mvc.perform(
            delete("/api/v1/admin/groups/{id}/members/{m}", parentId, childId)
                .with(csrf())
                .cookie(admin))
        .andExpect(status().isNoContent());
    assertThat(groups.isMember(member.id(), UUID.fromString(parentId))).isFalse();

    List<String> activities =
        audit
            .find(new AuditQuery(contoso(), null, null, member.upn(), null, null, 0, 10))
            .items()
            .stream()
            .map(AuditEvent::activity)
            .toList();
    assertThat(activities).containsExactly("Remove member from group", "Add member to group");
  }

  @Test
  void groupsOfOtherTenantsAndBadPagingAreRefused() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String domain = "o" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    UUID foreign = groups.create(tenants.create("Other", List.of(domain)).id(), name("F")).id();

    send(
            post("/api/v1/admin/groups/{id}/members", foreign),
            admin,
            "{\"userId\":\"alain@contoso.com\"}")
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.code").value("not_found"));
    send(
            post("/api/v1/admin/groups/{id}/members", "nope"),
            admin,
            "{\"userId\":\"alain@contoso.com\"}")
        .andExpect(status().isNotFound());
    for (String query : List.of("size=0", "size=501", "size=x", "page=-1")) {
      mvc.perform(get("/api/v1/admin/groups?" + query).cookie(admin))
          .andExpect(status().isBadRequest())
          .andExpect(jsonPath("$.code").value("invalid_request"))
          .andExpect(jsonPath("$.field").value(query.substring(0, query.indexOf('='))));
    }
    mvc.perform(get("/api/v1/admin/groups?page=1000&size=1").cookie(admin))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isEmpty());
  }

  @Test
  void thePagesExplainErrorsAtTheFieldAndShowThePasswordOnceUncached() throws Exception {
    Cookie admin = as("admin@contoso.com");
    String page =
        mvc.perform(
                post("/admin/users/new")
                    .with(csrf())
                    .cookie(admin)
                    .header("Accept-Language", "nl")
                    .param("userId", "alain@contoso.com")
                    .param("displayName", "Dubbel"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page)
        .contains("id=\"userId-error\"", "Er bestaat al een gebruiker met deze gebruikers-id.")
        .contains("aria-invalid=\"true\"");

    String upn = TestSessions.freshUpn("page");
    var created =
        mvc.perform(
                post("/admin/users/new")
                    .with(csrf())
                    .cookie(admin)
                    .param("userId", upn)
                    .param("displayName", "Page User")
                    .param("roles", "user"))
            .andExpect(status().isOk())
            .andExpect(
                header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
            .andReturn()
            .getResponse()
            .getContentAsString();
    java.util.regex.Matcher password =
        java.util.regex.Pattern.compile("id=\"temporary-password\"[^>]*>([^<]+)<").matcher(created);
    assertThat(password.find()).isTrue();
    assertThat(directory.authenticate(upn, password.group(1).replace("&amp;", "&"))).isPresent();

    String groupsPage =
        mvc.perform(
                post("/admin/groups/members")
                    .with(csrf())
                    .cookie(admin)
                    .param("groupId", groups.create(contoso(), name("Page")).id().toString())
                    .param("userId", "nobody@contoso.com")
                    .param("action", "add"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(groupsPage)
        .contains(
            "id=\"memberUserId-error\"",
            "There is no user with this user ID in your organisation.");
  }
}

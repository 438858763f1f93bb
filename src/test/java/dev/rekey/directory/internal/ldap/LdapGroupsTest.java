package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.LdapSettings.GroupMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Groups: alice is in "helpdesk"; helpdesk is in "staff"; staff is in "everyone"; "everyone" is in
 * "staff" again (a cycle). "sales" (groupOfUniqueNames) names alice as uniqueMember.
 */
class LdapGroupsTest {

  private static final String G = TestDirectory.GROUPS;

  private TestDirectory directory;

  @BeforeEach
  void start() throws Exception {
    directory = TestDirectory.start();
    directory
        .server()
        .add(
            "dn: cn=helpdesk," + G,
            "objectClass: groupOfNames",
            "cn: helpdesk",
            "member: " + TestDirectory.ALICE_DN,
            "memberOf: cn=staff," + G);
    directory
        .server()
        .add(
            "dn: cn=staff," + G,
            "objectClass: groupOfNames",
            "cn: staff",
            "member: cn=helpdesk," + G,
            "member: cn=everyone," + G,
            "memberOf: cn=everyone," + G);
    directory
        .server()
        .add(
            "dn: cn=everyone," + G,
            "objectClass: groupOfNames",
            "cn: everyone",
            "member: cn=staff," + G,
            "memberOf: cn=staff," + G);
    directory
        .server()
        .add(
            "dn: cn=sales," + G,
            "objectClass: groupOfUniqueNames",
            "cn: sales",
            "uniqueMember: " + TestDirectory.ALICE_DN);
    directory
        .server()
        .modify(
            "dn: " + TestDirectory.ALICE_DN,
            "changetype: modify",
            "add: memberOf",
            "memberOf: cn=helpdesk," + G,
            "memberOf: cn=sales," + G);
  }

  @AfterEach
  void stop() {
    directory.close();
  }

  private LdapUser alice(GroupMode mode, boolean nested, String groupFilter) {
    TestSettings settings = directory.settings();
    settings.groupMode = mode;
    settings.nestedGroups = nested;
    settings.groupFilter = groupFilter;
    try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
      return client.findUser("alice").orElseThrow();
    }
  }

  @Test
  void noneGivesNoGroups() {
    assertThat(alice(GroupMode.NONE, true, "").groups()).isEmpty();
  }

  @Test
  void memberOfGivesTheDirectGroupsByCn() {
    assertThat(alice(GroupMode.MEMBER_OF, false, "").groups()).containsExactly("helpdesk", "sales");
  }

  @Test
  void memberOfNestedFollowsTheGroupsMemberOfThroughTheCycle() {
    assertThat(alice(GroupMode.MEMBER_OF, true, "").groups())
        .containsExactly("everyone", "helpdesk", "sales", "staff");
  }

  @Test
  void searchFindsMemberAndUniqueMember() {
    assertThat(alice(GroupMode.SEARCH, false, "").groups()).containsExactly("helpdesk", "sales");
  }

  @Test
  void searchAppliesTheGroupFilter() {
    assertThat(alice(GroupMode.SEARCH, false, "(objectClass=groupOfNames)").groups())
        .containsExactly("helpdesk");
  }

  @Test
  void searchNestedRepeatsWithEachGroupAndStopsAtTheCycle() {
    assertThat(alice(GroupMode.SEARCH, true, "(objectClass=groupOfNames)").groups())
        .containsExactly("everyone", "helpdesk", "staff");
  }

  @Test
  void searchUsesTheGroupBaseDn() throws Exception {
    directory
        .server()
        .add("dn: ou=other," + TestDirectory.BASE, "objectClass: organizationalUnit", "ou: other");
    directory
        .server()
        .add(
            "dn: cn=elsewhere,ou=other," + TestDirectory.BASE,
            "objectClass: groupOfNames",
            "cn: elsewhere",
            "member: " + TestDirectory.ALICE_DN);
    TestSettings settings = directory.settings();
    settings.groupMode = GroupMode.SEARCH;
    settings.groupBaseDn = "ou=other," + TestDirectory.BASE;
    try (UnboundIdLdapClient client = new UnboundIdLdapClient(settings.build())) {
      assertThat(client.findUser("alice").orElseThrow().groups()).containsExactly("elsewhere");
    }
  }

  @Test
  void groupNamesComeFromTheRdnWhenTheDnHasNoCn() {
    assertThat(GroupResolver.nameOf("ou=admins,dc=fabrikam,dc=example")).isEqualTo("admins");
    assertThat(GroupResolver.nameOf("CN=Domain Admins,CN=Users,DC=fabrikam,DC=example"))
        .isEqualTo("Domain Admins");
  }
}

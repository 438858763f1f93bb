package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import dev.rekey.directory.DirectoryPasswordRefused;
import dev.rekey.directory.DirectoryUnavailable;
import dev.rekey.directory.LdapSettings.GroupMode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Active Directory flavour against the in-memory server dressed up as AD. */
class ActiveDirectoryClientTest {

  private static final String USERS = "cn=Users," + TestDirectory.BASE;
  private static final String BOB_DN = "cn=Bob de Vries," + USERS;

  /** objectGUID bytes of the UUID 0fd4b5a3-21c7-4ae8-9b4c-6d2f1e0a9c11 in Windows order. */
  private static final byte[] BOB_GUID =
      HexFormat.of().parseHex("a3b5d40fc721e84a9b4c6d2f1e0a9c11");

  private TestDirectory directory;
  private UnboundIdLdapClient client;

  @BeforeEach
  void start() throws Exception {
    directory = TestDirectory.start();
    directory.server().add("dn: " + USERS, "objectClass: container", "cn: Users");
    directory
        .server()
        .add(
            "dn: " + BOB_DN,
            "objectClass: user",
            "cn: Bob de Vries",
            "userPrincipalName: bob@fabrikam.example",
            "givenName: Bob",
            "sn: de Vries",
            "objectGUID:: " + Base64.getEncoder().encodeToString(BOB_GUID),
            "userAccountControl: 512",
            "lockoutTime: 0",
            "memberOf: CN=Sales,CN=Users," + TestDirectory.BASE);
    TestSettings settings = TestSettings.activeDirectory(directory.url());
    settings.groupMode = GroupMode.MEMBER_OF;
    client = new UnboundIdLdapClient(settings.build());
  }

  @AfterEach
  void stop() {
    client.close();
    directory.close();
  }

  @Test
  void findUserReadsObjectGuidAsAStableUuid() throws Exception {
    LdapUser bob = client.findUser("bob@fabrikam.example").orElseThrow();

    assertThat(bob.stableId()).isEqualTo("0fd4b5a3-21c7-4ae8-9b4c-6d2f1e0a9c11");
    assertThat(bob.displayName()).isEqualTo("Bob de Vries");
    assertThat(bob.groups()).containsExactly("Sales");
    assertThat(bob.disabled()).isFalse();
    assertThat(bob.locked()).isFalse();

    directory.server().modifyDN(BOB_DN, "cn=Robert de Vries", true);
    assertThat(client.findByStableId(bob.stableId()))
        .map(LdapUser::dn)
        .contains("cn=Robert de Vries," + USERS);
  }

  @Test
  void userAccountControlAndLockoutTimeGiveDisabledAndLocked() throws Exception {
    directory
        .server()
        .modify(
            BOB_DN,
            new Modification(ModificationType.REPLACE, "userAccountControl", "514"),
            new Modification(ModificationType.REPLACE, "lockoutTime", "133475000000000000"));

    LdapUser bob = client.findUser("bob@fabrikam.example").orElseThrow();

    assertThat(bob.disabled()).isTrue();
    assertThat(bob.locked()).isTrue();
  }

  @Test
  void setPasswordWritesTheQuotedUtf16LittleEndianUnicodePwd() throws Exception {
    client.setPassword(BOB_DN, "newPassword");

    Modification change = directory.script.modifies.get(0).getModifications().get(0);
    assertThat(change.getModificationType()).isEqualTo(ModificationType.REPLACE);
    assertThat(change.getAttributeName()).isEqualTo("unicodePwd");
    assertThat(change.getValueByteArrays()[0])
        .isEqualTo(
            HexFormat.of().parseHex("22006e0065007700500061007300730077006f0072006400" + "2200"));
    assertThat(directory.script.modifies.get(0).getControlList())
        .anyMatch(c -> c.getOID().equals(PasswordWriter.AD_POLICY_HINTS_OID) && !c.isCritical());
    assertThat(directory.entry(BOB_DN).getAttributeValueBytes("unicodePwd"))
        .isEqualTo(ActiveDirectory.encodePassword("newPassword"));
  }

  @Test
  void setPasswordWhenAdRefusesItsPolicyThenQuality() {
    directory.script.modifyFailure =
        new LDAPException(
            ResultCode.CONSTRAINT_VIOLATION,
            "0000052D: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0");

    assertThatThrownBy(() -> client.setPassword(BOB_DN, "short"))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.QUALITY))
        .hasMessageNotContaining("short\"");
  }

  @Test
  void setPasswordWhenSambaSaysHistoryThenInHistory() {
    directory.script.modifyFailure =
        new LDAPException(
            ResultCode.CONSTRAINT_VIOLATION,
            "0000052D: Constraint violation - check_password_restrictions: the password was already"
                + " used (in history)!");

    assertThatThrownBy(() -> client.setPassword(BOB_DN, "Used-Before-1"))
        .isInstanceOfSatisfying(
            DirectoryPasswordRefused.class,
            e -> assertThat(e.reasons()).containsExactly(DirectoryPasswordRefused.IN_HISTORY));
  }

  @Test
  void setPasswordWhenNotEncryptedOrAccessDeniedThenUnavailable() {
    directory.script.modifyFailure =
        new LDAPException(
            ResultCode.UNWILLING_TO_PERFORM,
            "0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0");
    assertThatThrownBy(() -> client.setPassword(BOB_DN, "Good-Pass-1"))
        .isInstanceOf(DirectoryUnavailable.class)
        .hasMessageContaining("LDAPS or StartTLS");

    directory.script.modifyFailure =
        new LDAPException(
            ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
            "00000005: SecErr: DSID-03152857, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0");
    assertThatThrownBy(() -> client.setPassword(BOB_DN, "Good-Pass-1"))
        .isInstanceOf(DirectoryUnavailable.class)
        .hasMessageNotContaining("Good-Pass-1");
  }

  @Test
  void unlockWritesLockoutTimeZero() throws Exception {
    directory
        .server()
        .modify(
            BOB_DN,
            new Modification(ModificationType.REPLACE, "lockoutTime", "133475000000000000"));

    client.unlock(BOB_DN);

    assertThat(directory.entry(BOB_DN).getAttributeValue("lockoutTime")).isEqualTo("0");
    assertThat(client.findUser("bob@fabrikam.example").orElseThrow().locked()).isFalse();
  }

  @Test
  void bindMapsAdSubCodes() throws Exception {
    directory
        .server()
        .modify(BOB_DN, new Modification(ModificationType.REPLACE, "userPassword", "Bob-Pass-1"));
    assertThat(client.bind(BOB_DN, "Bob-Pass-1")).isEqualTo(BindOutcome.OK);

    for (List<Object> row :
        List.<List<Object>>of(
            List.of("52e", BindOutcome.INVALID_CREDENTIALS),
            List.of("525", BindOutcome.INVALID_CREDENTIALS),
            List.of("775", BindOutcome.LOCKED),
            List.of("533", BindOutcome.DISABLED),
            List.of("701", BindOutcome.DISABLED),
            List.of("532", BindOutcome.PASSWORD_EXPIRED),
            List.of("773", BindOutcome.MUST_CHANGE))) {
      directory.script.userBindResult =
          id ->
              new BindResult(
                  id,
                  ResultCode.INVALID_CREDENTIALS,
                  "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext error, data "
                      + row.get(0)
                      + ", v4563",
                  null,
                  null,
                  null);
      assertThat(client.bind(BOB_DN, "Bob-Pass-1")).as((String) row.get(0)).isEqualTo(row.get(1));
    }
  }

  @Test
  void nestedGroupsUseTheMatchingRuleInChain() throws Exception {
    directory.script.inChainGroups =
        List.of(
            new Entry(
                "CN=Sales,CN=Users," + TestDirectory.BASE,
                new com.unboundid.ldap.sdk.Attribute("cn", "Sales")),
            new Entry(
                "CN=All Staff,CN=Users," + TestDirectory.BASE,
                new com.unboundid.ldap.sdk.Attribute("cn", "All Staff")));
    TestSettings settings = TestSettings.activeDirectory(directory.url());
    settings.groupMode = GroupMode.MEMBER_OF;
    settings.nestedGroups = true;
    try (UnboundIdLdapClient nested = new UnboundIdLdapClient(settings.build())) {
      assertThat(nested.findUser("bob@fabrikam.example").orElseThrow().groups())
          .containsExactly("All Staff", "Sales");
    }
    assertThat(directory.script.inChainMembers).containsExactly(BOB_DN);
  }
}

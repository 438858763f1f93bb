package dev.rekey.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.PolicyRejected;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.policy.SsprPolicyChanges;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestTenant;
import dev.rekey.tenant.Tenants;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RekeyTest
@RecordApplicationEvents
class DefaultSsprPoliciesTest {

  private static final RequestOrigin ORIGIN = new RequestOrigin("192.0.2.7", "test");

  @Autowired SsprPolicies policies;
  @Autowired Tenants tenants;
  @Autowired AccountDirectory directory;
  @Autowired Groups groups;
  @Autowired ApplicationEvents events;

  TestTenant t;

  @BeforeEach
  void newTenant() {
    t = TestTenant.create(tenants, directory);
  }

  @Test
  void getWhenNewTenantThenSpecDefaults() {
    SsprPolicy policy = policies.get(t.id());
    assertThat(policy.enabledFor()).isEqualTo(EnabledFor.NONE);
    assertThat(policy.selectedGroup()).isNull();
    assertThat(policy.methodsAvailable())
        .containsExactly(
            AuthMethodType.SOFTWARE_OATH,
            AuthMethodType.MOBILE_SMS,
            AuthMethodType.FIDO2,
            AuthMethodType.EMAIL);
    assertThat(policy.offers(AuthMethodType.SECURITY_QUESTIONS)).isFalse();
    assertThat(policy.methodsRequiredToReset()).isEqualTo(1);
    assertThat(policy.questionsRequiredToRegister()).isEqualTo(3);
    assertThat(policy.questionsRequiredToReset()).isEqualTo(3);
    assertThat(policy.requireRegistrationAtSignIn()).isTrue();
    assertThat(policy.reconfirmDays()).isEqualTo(180);
    assertThat(policy.notifyUsersOnReset()).isTrue();
    assertThat(policy.notifyAdminsOnAdminReset()).isTrue();
    assertThat(policy.helpdeskLink()).isNull();
    assertThat(policy.writebackEnabled()).isTrue();
    assertThat(policy.allowUnlockWithoutReset()).isTrue();
    assertThat(policy.uniformResponses()).isFalse();
    assertThat(policy.customBannedPasswords()).isEmpty();
  }

  @Test
  void getWhenDemoTenantThenSelectedGroupSsprUsers() {
    var contoso = tenants.findByDomain("contoso.com").orElseThrow();
    SsprPolicy policy = policies.get(contoso.id());
    assertThat(policy.enabledFor()).isEqualTo(EnabledFor.SELECTED);
    assertThat(policy.selectedGroup())
        .isEqualTo(groups.findByName(contoso.id(), "SSPR users").orElseThrow().id());
    assertThat(policy.reconfirmDays()).isEqualTo(180);
    var diego = directory.findByUserId("diego@contoso.com").orElseThrow();
    var alain = directory.findByUserId("alain@contoso.com").orElseThrow();
    assertThat(policies.isEnabledFor(alain)).isTrue();
    assertThat(policies.isEnabledFor(diego)).isFalse();
  }

  @Test
  void updateThenEventCarriesOnlyChangedFieldsAsJsonValues() {
    policies.update(
        t.id(),
        SsprPolicyChanges.builder()
            .reconfirmDays(30)
            .enabledFor(EnabledFor.ALL)
            .helpdeskLink("https://help.example.com")
            .methodsAvailable(EnumSet.of(AuthMethodType.FIDO2, AuthMethodType.EMAIL))
            .notifyUsersOnReset(true) // unchanged: not in the event
            .build(),
        t.admin().id(),
        ORIGIN);

    List<SsprPolicyChanged> changed = events.stream(SsprPolicyChanged.class).toList();
    assertThat(changed).hasSize(1);
    SsprPolicyChanged event = changed.get(0);
    assertThat(event.tenantId()).isEqualTo(t.id());
    assertThat(event.actorId()).isEqualTo(t.admin().id());
    assertThat(event.origin()).isEqualTo(ORIGIN);
    assertThat(event.before().keySet())
        .containsExactly("enabledFor", "methodsAvailable", "reconfirmDays", "helpdeskLink");
    assertThat(event.after().keySet()).isEqualTo(event.before().keySet());
    assertThat(event.before().get("enabledFor")).isEqualTo("none");
    assertThat(event.after().get("enabledFor")).isEqualTo("all");
    assertThat(event.before().get("methodsAvailable"))
        .isEqualTo(List.of("softwareOath", "mobileSms", "fido2", "email"));
    assertThat(event.after().get("methodsAvailable")).isEqualTo(List.of("fido2", "email"));
    assertThat(event.before().get("reconfirmDays")).isEqualTo(180);
    assertThat(event.after().get("reconfirmDays")).isEqualTo(30);
    assertThat(event.before().get("helpdeskLink")).isNull();
    assertThat(event.after().get("helpdeskLink")).isEqualTo("https://help.example.com");
  }

  @Test
  void updateWhenNothingChangesThenNoEvent() {
    SsprPolicy after =
        policies.update(
            t.id(), SsprPolicyChanges.builder().reconfirmDays(180).build(), t.admin().id(), ORIGIN);
    assertThat(after).isEqualTo(SsprPolicy.defaults());
    assertThat(events.stream(SsprPolicyChanged.class)).isEmpty();
  }

  @Test
  void updateWhenAnyValueInvalidThenNothingSavedAndNoEvent() {
    assertThatThrownBy(
            () ->
                policies.update(
                    t.id(),
                    SsprPolicyChanges.builder().reconfirmDays(10).methodsRequiredToReset(3).build(),
                    t.admin().id(),
                    ORIGIN))
        .isInstanceOfSatisfying(
            PolicyRejected.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .containsExactly("methodsRequiredToReset"));
    assertThat(policies.get(t.id())).isEqualTo(SsprPolicy.defaults());
    assertThat(events.stream(SsprPolicyChanged.class)).isEmpty();
  }

  @Test
  void updateThenEverySettingIsStoredAndReadBack() {
    Group group = groups.create(t.id(), "Pilot");
    SsprPolicy stored =
        policies.update(
            t.id(),
            new SsprPolicyChanges(
                EnabledFor.SELECTED,
                group.id().toString(),
                EnumSet.of(AuthMethodType.MOBILE_VOICE, AuthMethodType.SECURITY_QUESTIONS),
                2,
                5,
                4,
                List.of("q35", "q02", "q02", "q11", "q10"),
                List.of(new CustomQuestion(null, "  Name of your first bike?  ")),
                false,
                0,
                false,
                false,
                "helpdesk@example.com",
                false,
                false,
                true,
                List.of("Fabrikam", "fabrikam", " blank "),
                12,
                true),
            t.admin().id(),
            ORIGIN);
    SsprPolicy read = policies.get(t.id());
    assertThat(read).isEqualTo(stored);
    assertThat(read.selectedGroup()).isEqualTo(group.id());
    assertThat(read.predefinedQuestionIds()).containsExactly("q02", "q10", "q11", "q35");
    assertThat(read.customQuestions())
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.text()).isEqualTo("Name of your first bike?");
              assertThat(q.id()).isNotBlank();
            });
    assertThat(read.customBannedPasswords()).containsExactly("Fabrikam", "blank");
    assertThat(read.helpdeskHref()).isEqualTo("mailto:helpdesk@example.com");
    assertThat(read.uniformResponses()).isTrue();
    assertThat(read.reconfirmDays()).isZero();
    assertThat(read.passwordMinLength()).isEqualTo(12);
    assertThat(read.requireCharacterClasses()).isTrue();
  }

  @Test
  void updateWhenGroupOfAnotherTenantThenRejected() {
    TestTenant other = TestTenant.create(tenants, directory);
    Group foreign = groups.create(other.id(), "Theirs");
    assertThatThrownBy(
            () ->
                policies.update(
                    t.id(),
                    SsprPolicyChanges.builder()
                        .enabledFor(EnabledFor.SELECTED)
                        .selectedGroup(foreign.id().toString())
                        .build(),
                    t.admin().id(),
                    ORIGIN))
        .isInstanceOfSatisfying(
            PolicyRejected.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field() + ":" + v.messageKey())
                    .containsExactly("selectedGroup:policy.selectedGroup.unknown"));
  }

  @Test
  void isEnabledForFollowsNoneAllAndSelectedWithNestedGroups() {
    Group outer = groups.create(t.id(), "Outer");
    Group inner = groups.create(t.id(), "Inner");
    groups.addGroup(outer.id(), inner.id());
    groups.addAccount(inner.id(), t.user().id());

    assertThat(policies.isEnabledFor(t.user())).isFalse();

    change(SsprPolicyChanges.builder().enabledFor(EnabledFor.ALL));
    assertThat(policies.isEnabledFor(t.user())).isTrue();
    assertThat(policies.isEnabledFor(t.id(), t.helpdesk().id())).isTrue();

    change(
        SsprPolicyChanges.builder()
            .enabledFor(EnabledFor.SELECTED)
            .selectedGroup(outer.id().toString()));
    assertThat(policies.isEnabledFor(t.user())).as("member through nesting").isTrue();
    assertThat(policies.isEnabledFor(t.helpdesk())).as("not a member").isFalse();

    change(SsprPolicyChanges.builder().enabledFor(EnabledFor.NONE));
    assertThat(policies.isEnabledFor(t.user())).isFalse();
  }

  @Test
  void checkWhenInvalidThenViolationsWithoutStoring() {
    var violations = policies.check(t.id(), SsprPolicyChanges.builder().reconfirmDays(731).build());
    assertThat(violations)
        .extracting(v -> v.field() + ":" + v.messageKey() + ":" + v.arguments())
        .containsExactly("reconfirmDays:policy.reconfirmDays.range:[0, 730]");
    assertThat(policies.get(t.id()).reconfirmDays()).isEqualTo(180);
  }

  private void change(SsprPolicyChanges.Builder change) {
    policies.update(t.id(), change.build(), t.admin().id(), ORIGIN);
  }
}

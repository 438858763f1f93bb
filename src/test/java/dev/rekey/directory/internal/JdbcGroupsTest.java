package dev.rekey.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.support.RekeyTest;
import dev.rekey.tenant.Tenants;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RekeyTest
class JdbcGroupsTest {

  @Autowired Groups groups;
  @Autowired AccountDirectory directory;
  @Autowired Tenants tenants;

  UUID contoso() {
    return tenants.findByDomain("contoso.com").orElseThrow().id();
  }

  static String name(String prefix) {
    return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
  }

  Account account() {
    return directory.create(
        new NewAccount(
            contoso(),
            "g" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com",
            "Group Member",
            null,
            null,
            null,
            Set.of(),
            PasswordAuthority.REKEY),
        null,
        false);
  }

  AccountRejected rejected(Runnable action) {
    try {
      action.run();
    } catch (AccountRejected e) {
      return e;
    }
    throw new AssertionError("expected AccountRejected");
  }

  @Test
  void membershipFollowsNestingTwoLevelsDownButNotUp() {
    Group top = groups.create(contoso(), name("Top"));
    Group middle = groups.create(contoso(), name("Middle"));
    Group bottom = groups.create(contoso(), name("Bottom"));
    groups.addGroup(top.id(), middle.id());
    groups.addGroup(middle.id(), bottom.id());
    Account deep = account();
    Account shallow = account();
    groups.addAccount(bottom.id(), deep.id());
    groups.addAccount(bottom.id(), deep.id());
    groups.addAccount(top.id(), shallow.id());

    assertThat(groups.isMember(deep.id(), bottom.id())).isTrue();
    assertThat(groups.isMember(deep.id(), middle.id())).isTrue();
    assertThat(groups.isMember(deep.id(), top.id())).isTrue();
    assertThat(groups.isMember(shallow.id(), top.id())).isTrue();
    assertThat(groups.isMember(shallow.id(), middle.id())).isFalse();
    assertThat(groups.isMember(shallow.id(), bottom.id())).isFalse();
  }

  @Test
  void nestingThatWouldMakeACycleIsRejected() {
    Group a = groups.create(contoso(), name("A"));
    Group b = groups.create(contoso(), name("B"));
    Group c = groups.create(contoso(), name("C"));
    groups.addGroup(a.id(), b.id());
    groups.addGroup(b.id(), c.id());

    assertThat(rejected(() -> groups.addGroup(c.id(), a.id())).code()).isEqualTo("group_cycle");
    assertThat(rejected(() -> groups.addGroup(b.id(), a.id())).code()).isEqualTo("group_cycle");
    assertThat(rejected(() -> groups.addGroup(a.id(), a.id())).code()).isEqualTo("group_cycle");
  }

  @Test
  void nestingAcrossTenantsIsRejected() {
    var other =
        tenants.create(
            "Other", List.of("o" + UUID.randomUUID().toString().substring(0, 8) + ".example"));
    Group mine = groups.create(contoso(), name("Mine"));
    Group theirs = groups.create(other.id(), name("Theirs"));

    assertThat(rejected(() -> groups.addGroup(mine.id(), theirs.id())).code())
        .isEqualTo("group_tenant");
    assertThat(rejected(() -> groups.addGroup(theirs.id(), mine.id())).code())
        .isEqualTo("group_tenant");
    assertThat(rejected(() -> groups.addGroup(mine.id(), UUID.randomUUID())).code())
        .isEqualTo("group_unknown");
  }

  @Test
  void groupNamesAreUniquePerTenantAndFoundByName() {
    String name = name("Unique");
    Group created = groups.create(contoso(), "  " + name + " ");

    assertThat(created.name()).isEqualTo(name);
    assertThat(groups.findByName(contoso(), name)).contains(created);
    assertThat(groups.findById(created.id())).contains(created);
    assertThat(groups.findAll(contoso())).contains(created);
    assertThat(rejected(() -> groups.create(contoso(), name)).code()).isEqualTo("group_name_taken");
    assertThat(rejected(() -> groups.create(contoso(), " ")).code())
        .isEqualTo("group_name_invalid");
  }

  @Test
  void demoUsersAreInTheSsprGroupExceptDiego() {
    Group sspr = groups.findByName(contoso(), "SSPR users").orElseThrow();
    UUID alain = directory.findByUserId("alain@contoso.com").orElseThrow().id();
    UUID diego = directory.findByUserId("diego@contoso.com").orElseThrow().id();
    assertThat(groups.isMember(alain, sspr.id())).isTrue();
    assertThat(groups.isMember(diego, sspr.id())).isFalse();
  }

  @Test
  void summariesCountDirectAccountsAndNestedGroupsAndRemovalUndoesMembership() {
    Group parent = groups.create(contoso(), name("Counted"));
    Group child = groups.create(contoso(), name("Counted child"));
    Account one = account();
    Account two = account();
    groups.addAccount(parent.id(), one.id());
    groups.addAccount(parent.id(), two.id());
    groups.addAccount(parent.id(), two.id());
    groups.addAccount(child.id(), one.id());
    groups.addGroup(parent.id(), child.id());

    assertThat(groups.summaries(contoso()))
        .contains(
            new dev.rekey.directory.GroupSummary(parent.id(), parent.name(), 2, 1),
            new dev.rekey.directory.GroupSummary(child.id(), child.name(), 1, 0));

    assertThat(groups.removeAccount(parent.id(), two.id())).isTrue();
    assertThat(groups.removeAccount(parent.id(), two.id())).isFalse();
    assertThat(groups.isMember(two.id(), parent.id())).isFalse();
    // one is still a member through the nested child group after its direct membership goes.
    assertThat(groups.removeAccount(parent.id(), one.id())).isTrue();
    assertThat(groups.isMember(one.id(), parent.id())).isTrue();
    assertThat(groups.removeGroup(parent.id(), child.id())).isTrue();
    assertThat(groups.isMember(one.id(), parent.id())).isFalse();
    assertThat(groups.summaries(contoso()))
        .contains(new dev.rekey.directory.GroupSummary(parent.id(), parent.name(), 0, 0));
  }

  @Test
  void summariesListOnlyTheTenantsGroups() {
    String domain = "s" + UUID.randomUUID().toString().substring(0, 8) + ".example.com";
    UUID other = tenants.create("Elsewhere", List.of(domain)).id();
    Group foreign = groups.create(other, name("Foreign"));

    assertThat(groups.summaries(contoso()))
        .extracting(dev.rekey.directory.GroupSummary::id)
        .doesNotContain(foreign.id());
    assertThat(groups.summaries(other))
        .extracting(dev.rekey.directory.GroupSummary::id)
        .containsExactly(foreign.id());
  }
}

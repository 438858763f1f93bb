package dev.rekey.password.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.password.PasswordProperties;
import dev.rekey.password.PasswordRejection;
import dev.rekey.password.PasswordVerdict;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every rule of SPEC §7 on its own, and all reasons together. */
class DefaultPasswordPolicyTest {

  static final WordLists WORD_LISTS = new WordLists();
  static final PasswordStrength STRENGTH = new PasswordStrength();

  final UUID tenantId = UUID.randomUUID();
  final SsprPolicies policies = mock(SsprPolicies.class);
  final Tenants tenants = mock(Tenants.class);
  final AccountDirectory directory = mock(AccountDirectory.class);
  SsprPolicy policy = SsprPolicy.defaults();

  final Account alain = account(PasswordAuthority.REKEY);

  final DefaultPasswordPolicy rules =
      new DefaultPasswordPolicy(
          policies,
          tenants,
          directory,
          WORD_LISTS,
          new CustomTerms(),
          new BreachedPasswords(new PasswordProperties(null)),
          STRENGTH);

  DefaultPasswordPolicyTest() {
    when(policies.get(tenantId)).thenAnswer(i -> policy);
    when(tenants.findById(tenantId))
        .thenReturn(
            Optional.of(new Tenant(tenantId, "Contoso", List.of("contoso.com"), Instant.EPOCH)));
  }

  Account account(PasswordAuthority authority) {
    return new Account(
        UUID.randomUUID(),
        tenantId,
        "alain@contoso.com",
        "Alain Lambert",
        "Alain",
        "Lambert",
        null,
        true,
        false,
        Set.of(),
        authority,
        false,
        null,
        "en",
        Instant.EPOCH);
  }

  void withPolicy(int minLength, boolean classes, List<String> banned) {
    SsprPolicy d = SsprPolicy.defaults();
    policy =
        new SsprPolicy(
            d.enabledFor(),
            d.selectedGroup(),
            d.methodsAvailable(),
            d.methodsRequiredToReset(),
            d.questionsRequiredToRegister(),
            d.questionsRequiredToReset(),
            d.predefinedQuestionIds(),
            d.customQuestions(),
            d.requireRegistrationAtSignIn(),
            d.reconfirmDays(),
            d.notifyUsersOnReset(),
            d.notifyAdminsOnAdminReset(),
            d.helpdeskLink(),
            d.writebackEnabled(),
            d.allowUnlockWithoutReset(),
            d.uniformResponses(),
            banned,
            minLength,
            classes);
  }

  List<String> codes(PasswordVerdict verdict) {
    return verdict.reasons().stream().map(PasswordRejection::code).toList();
  }

  @Test
  void lengthCountsCodePointsSoEmojiAndSpacesCountOnceEach() {
    // 7 emoji are 14 UTF-16 chars but 7 characters: too short.
    PasswordVerdict emoji = rules.check(alain, "🐙🦊🐢🦉🐝🐳🦄");
    assertThat(codes(emoji)).containsExactly("too_short");
    assertThat(emoji.reasons().get(0).arguments()).containsExactly(8);
    assertThat(rules.check(alain, "🐙🦊🐢🦉🐝🐳🦄🐧").acceptable()).isTrue();
    assertThat(rules.check(alain, "ik fiets naar zee").acceptable()).isTrue();
    assertThat(codes(rules.check(alain, "       "))).containsExactly("too_short");
  }

  @Test
  void maximumIs256CodePointsNeverTruncated() {
    String pattern = "Zq7!xW2#vR9$kT4%mY8^";
    String atMax = pattern.repeat(13).substring(0, 256);
    assertThat(rules.check(alain, atMax).acceptable()).isTrue();
    PasswordVerdict tooLong = rules.check(alain, atMax + "a");
    assertThat(codes(tooLong)).containsExactly("too_long");
    assertThat(tooLong.reasons().get(0).arguments()).containsExactly(256);
    assertThat(tooLong.strength()).isZero();
    // 256 emoji are 512 chars in Java, still allowed.
    assertThat(codes(rules.check(alain, "🦊🐢".repeat(128)))).doesNotContain("too_long");
  }

  @Test
  void adminMayRaiseTheMinimum() {
    withPolicy(15, false, List.of());
    PasswordVerdict verdict = rules.check(alain, "violet tram 42");
    assertThat(codes(verdict)).containsExactly("too_short");
    assertThat(verdict.reasons().get(0).arguments()).containsExactly(15);
    assertThat(rules.minimumLength(tenantId)).isEqualTo(15);
    assertThat(rules.check(alain, "violet tram 421").acceptable()).isTrue();
  }

  @Test
  void characterClassesOnlyWhenThePolicyAsksForThem() {
    assertThat(rules.check(alain, "violet tram carousel").acceptable()).isTrue();
    withPolicy(8, true, List.of());
    assertThat(codes(rules.check(alain, "violet tram carousel")))
        .containsExactly("character_classes");
    assertThat(rules.check(alain, "violet tram Carousel").acceptable()).isTrue();
    assertThat(rules.check(alain, "violettram4Carousel").acceptable()).isTrue();
    assertThat(CharacterClasses.count("abcABC123!")).isEqualTo(4);
    assertThat(CharacterClasses.count("日本語のパスワード")).isEqualTo(1);
  }

  @Test
  void commonPasswordsFromZxcvbnAreRejectedWholeIncludingSubstitutions() {
    assertThat(codes(rules.check(alain, "sunshine"))).contains("common");
    assertThat(codes(rules.check(alain, "Football"))).contains("common");
    assertThat(codes(rules.check(alain, "P@ssw0rd"))).contains("common");
    assertThat(codes(rules.check(alain, "sunshine and rain at noon"))).doesNotContain("common");
  }

  @Test
  void namesTenantAndCustomTermsAreBanned() {
    withPolicy(8, false, List.of("blank"));
    assertThat(codes(rules.check(alain, "C0ntos0Blank12"))).containsExactly("banned");
    assertThat(rules.check(alain, "ContoS0Bl@nkf9!").acceptable()).isTrue();
    assertThat(codes(rules.check(alain, "Lambert!!1"))).containsExactly("banned");
    assertThat(rules.check(alain, "Lambert!!12x").acceptable()).isTrue();
  }

  @Test
  void historyOnlyForRekeyAccountsAndNotInThePreview() {
    when(directory.isRecentPassword(any(), anyString())).thenReturn(true);
    assertThat(codes(rules.check(alain, "violet tram carousel"))).containsExactly("reused");
    assertThat(rules.preview(alain, "violet tram carousel").acceptable()).isTrue();
    Account external = account(PasswordAuthority.DIRECTORY);
    assertThat(rules.check(external, "violet tram carousel").acceptable()).isTrue();
    verify(directory, never()).isRecentPassword(external.id(), "violet tram carousel");
  }

  @Test
  void everyBrokenRuleIsReportedInOrderAndStrengthIsCapped() {
    when(directory.isRecentPassword(any(), anyString())).thenReturn(true);
    withPolicy(10, true, List.of());
    PasswordVerdict verdict = rules.check(alain, "password");
    assertThat(codes(verdict))
        .containsExactly("too_short", "character_classes", "common", "banned", "reused");
    assertThat(verdict.acceptable()).isFalse();
    assertThat(verdict.strength()).isZero();
  }

  @Test
  void strengthComesFromZxcvbnAndUsesTheUsersNames() {
    assertThat(rules.check(alain, "").strength()).isZero();
    assertThat(rules.check(alain, "correct horse battery staple").strength()).isEqualTo(4);
    assertThat(STRENGTH.score("alainlambert", List.of())).isGreaterThan(1);
    assertThat(STRENGTH.score("alainlambert", List.of("Alain", "Lambert"))).isLessThanOrEqualTo(1);
    // An unacceptable password shows at most "weak", however random it looks.
    when(directory.isRecentPassword(any(), anyString())).thenReturn(true);
    PasswordVerdict reused = rules.check(alain, "k8#Vq2!mZr4@Lw");
    assertThat(reused.acceptable()).isFalse();
    assertThat(reused.strength()).isEqualTo(1);
  }

  @Test
  void verdictRequiresReasonsExactlyWhenUnacceptable() {
    assertThat(PasswordVerdict.of(3, List.of()).acceptable()).isTrue();
    PasswordVerdict rejected = PasswordVerdict.of(4, List.of(PasswordRejection.of("common")));
    assertThat(rejected.strength()).isEqualTo(1);
    assertThat(rejected.hasReason(PasswordRejection.COMMON)).isTrue();
    assertThat(PasswordRejection.of("too_short", 8).messageKey())
        .isEqualTo("password.reason.too_short");
  }
}

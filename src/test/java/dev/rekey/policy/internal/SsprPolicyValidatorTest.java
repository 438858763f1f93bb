package dev.rekey.policy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanges;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.Mockito;

class SsprPolicyValidatorTest {

  private final UUID tenant = UUID.randomUUID();
  private final Group ownGroup = new Group(UUID.randomUUID(), tenant, "SSPR users");
  private final Group foreignGroup = new Group(UUID.randomUUID(), UUID.randomUUID(), "Elsewhere");
  private final Groups groups = Mockito.mock(Groups.class);
  private final SsprPolicyValidator validator = new SsprPolicyValidator(groups);
  private final AtomicInteger ids = new AtomicInteger();

  SsprPolicyValidatorTest() {
    Mockito.when(groups.findById(Mockito.any())).thenReturn(Optional.empty());
    Mockito.when(groups.findById(ownGroup.id())).thenReturn(Optional.of(ownGroup));
    Mockito.when(groups.findById(foreignGroup.id())).thenReturn(Optional.of(foreignGroup));
  }

  /** The violations of the defaults with one change applied, as {@code field:key} strings. */
  private List<String> violations(SsprPolicyChanges.Builder change) {
    List<PolicyViolation> problems = new ArrayList<>();
    SsprPolicy merged =
        PolicyMerge.apply(
            SsprPolicy.defaults(), change.build(), () -> "c" + ids.incrementAndGet(), problems);
    problems.addAll(validator.validate(tenant, merged));
    return problems.stream().map(v -> v.field() + ":" + v.messageKey()).toList();
  }

  private static SsprPolicyChanges.Builder change() {
    return SsprPolicyChanges.builder();
  }

  @Test
  void validateWhenDefaultsThenNothingToSay() {
    assertThat(validator.validate(tenant, SsprPolicy.defaults())).isEmpty();
  }

  @Test
  void validateWhenReconfirmDaysAtBoundariesThenOnlyOutsideRejected() {
    assertThat(violations(change().reconfirmDays(0))).isEmpty();
    assertThat(violations(change().reconfirmDays(730))).isEmpty();
    assertThat(violations(change().reconfirmDays(731)))
        .containsExactly("reconfirmDays:policy.reconfirmDays.range");
    assertThat(violations(change().reconfirmDays(-1)))
        .containsExactly("reconfirmDays:policy.reconfirmDays.range");
  }

  @Test
  void validateWhenMethodsRequiredOutOfRangeThenRejected() {
    assertThat(violations(change().methodsRequiredToReset(1))).isEmpty();
    assertThat(violations(change().methodsRequiredToReset(2))).isEmpty();
    assertThat(violations(change().methodsRequiredToReset(0)))
        .containsExactly("methodsRequiredToReset:policy.methodsRequiredToReset.range");
    assertThat(violations(change().methodsRequiredToReset(3)))
        .containsExactly("methodsRequiredToReset:policy.methodsRequiredToReset.range");
  }

  @Test
  void validateWhenTwoMethodsRequiredButOneAvailableThenRejected() {
    assertThat(
            violations(
                change()
                    .methodsRequiredToReset(2)
                    .methodsAvailable(EnumSet.of(AuthMethodType.FIDO2))))
        .containsExactly("methodsRequiredToReset:policy.methodsRequiredToReset.few");
  }

  @Test
  void validateWhenQuestionCountsOutOfRangeThenRejected() {
    assertThat(violations(change().questionsRequiredToRegister(5).questionsRequiredToReset(5)))
        .isEmpty();
    assertThat(violations(change().questionsRequiredToRegister(2).questionsRequiredToReset(2)))
        .containsExactly(
            "questionsRequiredToRegister:policy.questionsRequiredToRegister.range",
            "questionsRequiredToReset:policy.questionsRequiredToReset.range");
    assertThat(violations(change().questionsRequiredToRegister(6)))
        .containsExactly("questionsRequiredToRegister:policy.questionsRequiredToRegister.range");
    assertThat(violations(change().questionsRequiredToRegister(4).questionsRequiredToReset(6)))
        .contains("questionsRequiredToReset:policy.questionsRequiredToReset.range");
  }

  @Test
  void validateWhenQuestionsToResetAboveRegisterThenRejected() {
    assertThat(violations(change().questionsRequiredToRegister(3).questionsRequiredToReset(4)))
        .containsExactly("questionsRequiredToReset:policy.questionsRequiredToReset.aboveRegister");
  }

  @Test
  void validateWhenTwentyOneCustomQuestionsThenRejected() {
    assertThat(violations(change().customQuestions(questions(20)))).isEmpty();
    assertThat(violations(change().customQuestions(questions(21))))
        .containsExactly("customQuestions:policy.customQuestions.tooMany");
  }

  @Test
  void validateWhenCustomQuestionTooShortOrTooLongThenRejected() {
    assertThat(violations(change().customQuestions(List.of(new CustomQuestion(null, "abc")))))
        .isEmpty();
    assertThat(violations(change().customQuestions(List.of(new CustomQuestion(null, "ab")))))
        .containsExactly("customQuestions:policy.customQuestions.length");
    assertThat(
            violations(
                change().customQuestions(List.of(new CustomQuestion(null, "x".repeat(200))))))
        .isEmpty();
    assertThat(
            violations(
                change().customQuestions(List.of(new CustomQuestion(null, "x".repeat(201))))))
        .containsExactly("customQuestions:policy.customQuestions.length");
  }

  @Test
  void validateWhenCustomQuestionIdsRepeatThenRejected() {
    assertThat(
            violations(
                change()
                    .customQuestions(
                        List.of(
                            new CustomQuestion("c1", "One?"), new CustomQuestion("c1", "Two?")))))
        .containsExactly("customQuestions:policy.customQuestions.id");
  }

  @Test
  void validateWhenCustomQuestionIdTakesPredefinedIdThenRejected() {
    assertThat(violations(change().customQuestions(List.of(new CustomQuestion("q01", "Mine?")))))
        .containsExactly("customQuestions:policy.customQuestions.id");
  }

  @Test
  void validateWhenThousandAndOneBannedTermsThenRejected() {
    List<String> thousand = IntStream.range(0, 1000).mapToObj(i -> "term" + i).toList();
    assertThat(violations(change().customBannedPasswords(thousand))).isEmpty();
    List<String> more = new ArrayList<>(thousand);
    more.add("oneTooMany");
    assertThat(violations(change().customBannedPasswords(more)))
        .containsExactly("customBannedPasswords:policy.customBannedPasswords.tooMany");
  }

  @Test
  void validateWhenBannedTermOfThreeOrSeventeenCharactersThenRejected() {
    assertThat(violations(change().customBannedPasswords(List.of("abcd", "a".repeat(16)))))
        .isEmpty();
    assertThat(violations(change().customBannedPasswords(List.of("abc"))))
        .containsExactly("customBannedPasswords:policy.customBannedPasswords.length");
    assertThat(violations(change().customBannedPasswords(List.of("a".repeat(17)))))
        .containsExactly("customBannedPasswords:policy.customBannedPasswords.length");
  }

  @Test
  void mergeWhenBannedTermsRepeatThenTrimmedAndDeduplicatedIgnoringCase() {
    List<String> terms =
        PolicyMerge.bannedTerms(List.of("  Contoso ", "contoso", "", "CONTOSO", "blank"));
    assertThat(terms).containsExactly("Contoso", "blank");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert(1)",
        "data:text/html,hi",
        "ftp://files.contoso.com",
        "https://",
        "https://user:pw@contoso.com",
        "https://contoso.com/a b",
        "not a link",
        "help@",
        "@contoso.com"
      })
  void validateWhenHelpdeskLinkUnsafeThenRejected(String link) {
    assertThat(violations(change().helpdeskLink(link)))
        .containsExactly("helpdeskLink:policy.helpdeskLink.invalid");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://help.contoso.com/sspr?x=1",
        "http://intranet.contoso.com",
        "helpdesk@contoso.com",
        "mailto:helpdesk@contoso.com",
        ""
      })
  void validateWhenHelpdeskLinkIsWebOrEmailThenAccepted(String link) {
    assertThat(violations(change().helpdeskLink(link))).isEmpty();
  }

  @Test
  void mergeWhenHelpdeskLinkIsMailtoThenStoredAsAddressAndShownAsMailto() {
    SsprPolicy merged =
        PolicyMerge.apply(
            SsprPolicy.defaults(),
            change().helpdeskLink(" mailto:help@contoso.com ").build(),
            () -> "x",
            new ArrayList<>());
    assertThat(merged.helpdeskLink()).isEqualTo("help@contoso.com");
    assertThat(merged.helpdeskHref()).isEqualTo("mailto:help@contoso.com");
  }

  @Test
  void validateWhenUnknownPredefinedIdThenRejected() {
    assertThat(violations(change().predefinedQuestionIds(List.of("q01", "q36"))))
        .containsExactly("predefinedQuestionIds:policy.predefinedQuestionIds.unknown");
  }

  @Test
  void validateWhenSecurityQuestionsOnWithTooFewQuestionsThenRejected() {
    var methods = EnumSet.of(AuthMethodType.SOFTWARE_OATH, AuthMethodType.SECURITY_QUESTIONS);
    assertThat(
            violations(
                change().methodsAvailable(methods).predefinedQuestionIds(List.of("q01", "q02"))))
        .containsExactly("predefinedQuestionIds:policy.predefinedQuestionIds.tooFew");
    assertThat(
            violations(
                change()
                    .methodsAvailable(methods)
                    .predefinedQuestionIds(List.of("q01", "q02"))
                    .customQuestions(List.of(new CustomQuestion(null, "Favourite tree?")))))
        .isEmpty();
  }

  @Test
  void validateWhenSelectedWithoutGroupThenRejected() {
    assertThat(violations(change().enabledFor(EnabledFor.SELECTED)))
        .containsExactly("selectedGroup:policy.selectedGroup.required");
    assertThat(
            violations(
                change().enabledFor(EnabledFor.SELECTED).selectedGroup(ownGroup.id().toString())))
        .isEmpty();
  }

  @Test
  void validateWhenGroupOfAnotherTenantOrNoIdThenRejected() {
    assertThat(
            violations(
                change()
                    .enabledFor(EnabledFor.SELECTED)
                    .selectedGroup(foreignGroup.id().toString())))
        .containsExactly("selectedGroup:policy.selectedGroup.unknown");
    assertThat(violations(change().enabledFor(EnabledFor.SELECTED).selectedGroup("not-a-uuid")))
        .contains("selectedGroup:policy.selectedGroup.unknown");
  }

  @Test
  void validateWhenNoMethodsOrOnlyWeakMethodsThenRejected() {
    assertThat(violations(change().methodsAvailable(EnumSet.noneOf(AuthMethodType.class))))
        .containsExactly("methodsAvailable:policy.methodsAvailable.empty");
    assertThat(violations(change().methodsAvailable(EnumSet.of(AuthMethodType.EMAIL))))
        .containsExactly("methodsAvailable:policy.methodsAvailable.strong");
  }

  private static List<CustomQuestion> questions(int count) {
    return IntStream.rangeClosed(1, count)
        .mapToObj(i -> new CustomQuestion(null, "Custom question number " + i + "?"))
        .toList();
  }
}

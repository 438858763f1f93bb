package dev.rekey.password.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Entra's banned-password algorithm (SPEC §7) with Rekey's global list. */
class BannedPasswordsTest {

  static final TermIndex GLOBAL = TermIndex.of(WordLists.bannedTerms());
  static final TermIndex BLANK = TermIndex.of(List.of("blank"));
  static final Set<String> CONTOSO = Set.of("Contoso");

  static BannedPasswords.Result contoso(String password) {
    return BannedPasswords.evaluate(password, GLOBAL, BLANK, CONTOSO);
  }

  static int score(String password, List<String> terms, Set<String> names) {
    return BannedPasswords.evaluate(password, TermIndex.EMPTY, TermIndex.of(terms), names).score();
  }

  @Test
  void specExampleWithTenantAndCustomTermScoresFourAndIsRejected() {
    BannedPasswords.Result result = contoso("C0ntos0Blank12");
    assertThat(result.score()).isEqualTo(4);
    assertThat(result.termsFound()).isEqualTo(2);
    assertThat(result.acceptable()).isFalse();
  }

  @Test
  void specExampleWithThreeMoreCharactersScoresFiveAndIsAccepted() {
    BannedPasswords.Result result = contoso("ContoS0Bl@nkf9!");
    assertThat(result.score()).isEqualTo(5);
    assertThat(result.termsFound()).isEqualTo(2);
    assertThat(result.acceptable()).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
    "xxblankxx, 5", // exact: 1 + 4 (the x beside it are remaining characters, not an insertion)
    "xxblanxxx, 5", // substitution k→x: "blanx", 1 + 4
    "xxbl4nkxx, 5", // substitution a→4: "bl4nk", 1 + 4
    "xxbllankx, 4", // insertion: "bllank", 1 + 3
    "xxblnkxxx, 6", // deletion: "blnk", 1 + 5
    "xxbanxxxx, 9", // two edits: no match
    "xxbxlxank, 9", // two insertions: no match
    "xxxxblan, 5" // deletion at the end: "blan", 1 + 4
  })
  void customTermsMatchWithinEditDistanceOne(String password, int expected) {
    assertThat(score(password, List.of("blank"), Set.of())).isEqualTo(expected);
  }

  @Test
  void namesMatchOnlyAsExactSubstringsOfAtLeastFourCharacters() {
    Set<String> names = Set.of("Alain", "Lambert", "Fabrikam", "Bob");
    assertThat(score("alainxyz", List.of(), names)).isEqualTo(4);
    assertThat(score("xLAMBERTx", List.of(), names)).isEqualTo(3);
    assertThat(score("fabrikam!", List.of(), names)).isEqualTo(2);
    // No fuzzy matching for names: one character off is no match.
    assertThat(score("fabrikan!", List.of(), names)).isEqualTo(9);
    // "Bob" is shorter than 4 characters and ignored.
    assertThat(score("bobbobbob", List.of(), names)).isEqualTo(9);
  }

  @Test
  void termsShorterThanFourCharactersAreIgnored() {
    assertThat(TermIndex.of(List.of("abc", "  ", "x")).isEmpty()).isTrue();
    assertThat(score("abcabcabc", List.of("abc"), Set.of())).isEqualTo(9);
  }

  @ParameterizedTest
  @CsvSource({"P@$$w0rd1, pasSwordl", "ÄBC, äbc", "0 1 $ @, o l s a", "Ñandú😀, ñandú😀"})
  void normalisationLowersCaseAndUndoesTheCommonSubstitutions(String raw, String normalised) {
    assertThat(PasswordNormaliser.normaliseToString(raw))
        .isEqualTo(normalised.toLowerCase(java.util.Locale.ROOT));
  }

  @Test
  void substitutedSpellingsOfTermsAreFound() {
    assertThat(score("P@ssw0rd", List.of("password"), Set.of())).isEqualTo(1);
    assertThat(score("P@ssw0rd-P@ssw0rd", List.of("password"), Set.of())).isEqualTo(3);
    // With the global list "password-" is one edit from its term "password1": 2.
    assertThat(contoso("P@ssw0rd-P@ssw0rd").score()).isEqualTo(2);
  }

  @Test
  void emptyCustomListLeavesOnlyTheGlobalTermsAndNames() {
    // "widget" is no global term: without the custom list only "contoso" counts, 1 + 8.
    BannedPasswords.Result result =
        BannedPasswords.evaluate("C0ntos0Widget12", GLOBAL, TermIndex.of(List.of()), CONTOSO);
    assertThat(result).isEqualTo(new BannedPasswords.Result(9, 1));
    assertThat(
            BannedPasswords.evaluate(
                "C0ntos0Widget12", GLOBAL, TermIndex.of(List.of("widget")), CONTOSO))
        .isEqualTo(new BannedPasswords.Result(4, 2));
    assertThat(BannedPasswords.evaluate("horse staple", TermIndex.EMPTY, TermIndex.EMPTY, Set.of()))
        .isEqualTo(new BannedPasswords.Result(12, 0));
  }

  @Test
  void globalListHoldsHundredsOfCommonTermsOfFourOrMoreCharacters() {
    List<String> terms = WordLists.bannedTerms();
    assertThat(terms).hasSizeGreaterThan(300).contains("password", "welcome", "qwerty", "rekey");
    assertThat(terms).allMatch(t -> t.codePointCount(0, t.length()) >= 4);
    assertThat(contoso("Welcome2026!").acceptable()).isFalse();
    assertThat(contoso("correct horse battery staple").acceptable()).isTrue();
  }

  @Test
  void overlappingMatchesCountTheLowestScore() {
    // "blankblank" is two terms (2), not one term and five characters (6).
    assertThat(score("blankblank", List.of("blank"), Set.of())).isEqualTo(2);
  }

  @Test
  void aTypicalPasswordAgainstAThousandTermsTakesWellUnderAMillisecond() {
    List<String> thousand =
        java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "term" + i + "x").toList();
    TermIndex custom = TermIndex.of(thousand);
    for (int i = 0; i < 2_000; i++) {
      BannedPasswords.evaluate("Summer2026!Contoso", GLOBAL, custom, CONTOSO);
    }
    int runs = 2_000;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      BannedPasswords.evaluate("Summer2026!Contoso", GLOBAL, custom, CONTOSO);
    }
    long micros = (System.nanoTime() - start) / 1_000 / runs;
    assertThat(micros).isLessThan(1_000);
  }
}

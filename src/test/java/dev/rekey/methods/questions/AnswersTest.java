package dev.rekey.methods.questions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** How answers are normalised and measured. */
class AnswersTest {

  @Test
  void normaliseWhenLigatureThenSeparateLetters() {
    assertThat(Answers.normalise("ﬁsh")).isEqualTo("fish");
    assertThat(Answers.normalise("ﬀ")).isEqualTo("ff");
  }

  @Test
  void normaliseWhenFullWidthThenAsciiLowerCase() {
    assertThat(Answers.normalise("ＡＭＳＴＥＲＤＡＭ")).isEqualTo("amsterdam");
    assertThat(Answers.normalise("ａｍｓｔｅｒｄａｍ１２")).isEqualTo("amsterdam12");
  }

  @Test
  void normaliseWhenCaseDiffersThenSame() {
    assertThat(Answers.normalise("Den Haag")).isEqualTo(Answers.normalise("DEN HAAG"));
    assertThat(Answers.normalise("ÉCOLE")).isEqualTo("école");
    assertThat(Answers.normalise("ΟΔΥΣΣΕΥΣ")).isEqualTo("οδυσσευς");
  }

  @Test
  void normaliseKeepsSharpSBecauseLowerCasingIsNotFullCaseFolding() {
    // Documented choice: toLowerCase(ROOT), not Unicode full case folding (ß stays ß).
    assertThat(Answers.normalise("Straße")).isEqualTo("straße");
    assertThat(Answers.normalise("STRASSE")).isEqualTo("strasse");
    assertThat(Answers.normalise("Straße")).isNotEqualTo(Answers.normalise("STRASSE"));
    assertThat(Answers.normalise("STRAẞE")).isEqualTo(Answers.normalise("straße"));
  }

  @Test
  void normaliseWhenComposedOrDecomposedThenSame() {
    assertThat(Answers.normalise("Zu\u0308rich")).isEqualTo(Answers.normalise("Zürich"));
  }

  @Test
  void normaliseTrimsAndCollapsesWhitespace() {
    assertThat(Answers.normalise("  New \t\n  York  ")).isEqualTo("new york");
    assertThat(Answers.normalise("\u00a0Sint\u2003\u3000Maarten\u2009")).isEqualTo("sint maarten");
    assertThat(Answers.normalise("   ")).isEmpty();
  }

  @Test
  void lengthCountsCodePoints() {
    assertThat(Answers.length("👍👍👍")).isEqualTo(3);
    assertThat("👍👍👍".length()).isEqualTo(6);
    assertThat(Answers.length(Answers.normalise(" ab ✓ "))).isEqualTo(4);
    assertThat(Answers.length("")).isZero();
  }

  @Test
  void normaliseIsIdempotentAndNeverThrowsOnRandomUnicode() {
    Random random = new Random(20261129L);
    String[] specials = {"ﬁ", "Σ", "İ", "ß", "ẞ", "\u0301", " ", "\u3000", "ﷺ", "㎒", "Å", "\ud800"};
    for (int round = 0; round < 20_000; round++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(12);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(10);
        if (pick < 3) {
          s.append(specials[random.nextInt(specials.length)]);
        } else if (pick < 6) {
          s.append((char) random.nextInt(0x10000)); // includes lone surrogates
        } else {
          s.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
        }
      }
      String once = Answers.normalise(s.toString());
      assertThat(Answers.normalise(once)).as("input %s", s.codePoints().toArray()).isEqualTo(once);
      assertThat(once).isEqualTo(once.strip());
      assertThat(once).doesNotContain("  ");
      assertThat(Answers.length(once)).isNotNegative();
    }
  }
}

package dev.rekey.delivery.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboxFilterTest {

  @Test
  void blankMeansNoFilter() {
    assertThat(OutboxFilter.normalise(null)).isNull();
    assertThat(OutboxFilter.normalise("  ")).isNull();
  }

  @Test
  void emailIsLowerCased() {
    assertThat(OutboxFilter.normalise(" Alain@Contoso.com ")).isEqualTo("alain@contoso.com");
  }

  @Test
  void plusDecodedAsSpaceIsRestored() {
    assertThat(OutboxFilter.normalise(" 31612345678")).isEqualTo("+31612345678");
    assertThat(OutboxFilter.normalise("+31612345678")).isEqualTo("+31612345678");
  }

  @Test
  void overlongFilterIsCut() {
    assertThat(OutboxFilter.normalise("x".repeat(5000))).hasSize(OutboxFilter.MAX_LENGTH);
  }
}

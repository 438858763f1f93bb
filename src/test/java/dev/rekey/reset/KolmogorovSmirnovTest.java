package dev.rekey.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The test has power: it tells apart the kind of timing difference an account check leaks. */
class KolmogorovSmirnovTest {

  @Test
  void knownStatisticAndCriticalValue() {
    assertThat(KolmogorovSmirnov.statistic(new double[] {1, 2, 3}, new double[] {4, 5, 6}))
        .isEqualTo(1.0);
    assertThat(KolmogorovSmirnov.statistic(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4}))
        .isEqualTo(0.0);
    assertThat(KolmogorovSmirnov.statistic(new double[] {1, 3}, new double[] {2, 4}))
        .isEqualTo(0.5);
    // c(0.05) = 1.358 (tables); n = m = 50 gives 1.358 * 0.2.
    assertThat(KolmogorovSmirnov.critical(50, 50, 0.05)).isCloseTo(0.2716, within(0.001));
  }

  @Test
  void aTwoMillisecondShiftIsDetectedAndNoShiftIsNot() {
    Random random = new Random(42);
    double[] base = new double[40];
    double[] same = new double[40];
    double[] shifted = new double[40];
    for (int i = 0; i < base.length; i++) {
      base[i] = 120 + random.nextGaussian() * 0.5;
      same[i] = 120 + random.nextGaussian() * 0.5;
      shifted[i] = 122 + random.nextGaussian() * 0.5;
    }
    assertThat(KolmogorovSmirnov.differ(base, shifted, 0.001)).isTrue();
    assertThat(KolmogorovSmirnov.differ(base, same, 0.001)).isFalse();
  }
}

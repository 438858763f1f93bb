package dev.rekey.reset;

import java.util.Arrays;

/** The two-sample Kolmogorov–Smirnov test, for comparing response-time distributions. */
final class KolmogorovSmirnov {

  private KolmogorovSmirnov() {}

  /** The largest distance between the two samples' empirical distribution functions. */
  static double statistic(double[] a, double[] b) {
    double[] x = a.clone();
    double[] y = b.clone();
    Arrays.sort(x);
    Arrays.sort(y);
    int i = 0;
    int j = 0;
    double d = 0;
    while (i < x.length && j < y.length) {
      double v = Math.min(x[i], y[j]);
      while (i < x.length && x[i] <= v) {
        i++;
      }
      while (j < y.length && y[j] <= v) {
        j++;
      }
      d = Math.max(d, Math.abs((double) i / x.length - (double) j / y.length));
    }
    return d;
  }

  /**
   * The critical distance at significance {@code alpha}: D above it means the samples come from
   * different distributions (asymptotic formula, c(α) = sqrt(-ln(α/2) / 2)).
   */
  static double critical(int n, int m, double alpha) {
    double c = Math.sqrt(-Math.log(alpha / 2) / 2);
    return c * Math.sqrt((double) (n + m) / ((double) n * m));
  }

  static boolean differ(double[] a, double[] b, double alpha) {
    return statistic(a, b) > critical(a.length, b.length, alpha);
  }
}

package dev.rekey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Runs the JMH benchmarks with JMH's own command-line options, then prints the table of {@code
 * docs/BENCHMARKS.md}: each benchmark in operations per second and microseconds per operation, and
 * its cost as a fraction of one Argon2id verification measured in the same run (issue 7's
 * yardstick: absolute times drift on a shared machine, ratios hold better).
 */
public final class Benchmarks {

  /** The reference every other cost is divided by. */
  static final String YARDSTICK = "dev.rekey.directory.internal.Argon2Benchmark.verify";

  private Benchmarks() {}

  public static void main(String[] args)
      throws CommandLineOptionException, RunnerException, IOException {
    CommandLineOptions options = new CommandLineOptions(args);
    if (options.shouldHelp()
        || options.shouldList()
        || options.shouldListWithParams()
        || options.shouldListProfilers()
        || options.shouldListResultFormats()) {
      org.openjdk.jmh.Main.main(args);
      return;
    }
    Collection<RunResult> results = new Runner(options).run();
    System.out.println();
    System.out.println(machine());
    System.out.println(table(results));
  }

  /** What the numbers were measured on; the load average shows how shared the machine was. */
  static String machine() throws IOException {
    Path loadavg = Path.of("/proc/loadavg");
    String load = Files.isReadable(loadavg) ? Files.readString(loadavg).strip() : "unknown";
    return String.format(
        Locale.ROOT,
        "Machine: %d processors, %s %s, %s %s; load average after the run: %s%n",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.vm.version"),
        load);
  }

  static String table(Collection<RunResult> results) {
    // Benchmark name -> (mode -> primary result); throughput and average time side by side.
    Map<String, Map<Mode, Result<?>>> byName = new TreeMap<>();
    for (RunResult run : results) {
      byName
          .computeIfAbsent(run.getParams().getBenchmark(), name -> new TreeMap<>())
          .put(run.getParams().getMode(), run.getPrimaryResult());
    }
    Double yardstick = null;
    if (byName.containsKey(YARDSTICK) && byName.get(YARDSTICK).containsKey(Mode.AverageTime)) {
      yardstick = micros(byName.get(YARDSTICK).get(Mode.AverageTime));
    }
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | threads | ops/s | µs/op | share of one Argon2id hash |\n");
    out.append("|---|---:|---:|---:|---:|\n");
    for (var entry : byName.entrySet()) {
      Result<?> throughput = entry.getValue().get(Mode.Throughput);
      Result<?> average = entry.getValue().get(Mode.AverageTime);
      Double micros = average == null ? null : micros(average);
      String fraction =
          micros == null || yardstick == null ? "–" : significant(100 * micros / yardstick) + " %";
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %s | %s | %s |%n",
              shortName(entry.getKey()),
              threads(results, entry.getKey()),
              throughput == null ? "–" : perSecond(throughput),
              average == null ? "–" : perOperation(average),
              fraction));
    }
    return out.toString();
  }

  private static int threads(Collection<RunResult> results, String benchmark) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().equals(benchmark))
        .mapToInt(r -> r.getParams().getThreads())
        .findFirst()
        .orElse(1);
  }

  /** {@code Class.method} without the package. */
  private static String shortName(String benchmark) {
    int method = benchmark.lastIndexOf('.');
    int type = benchmark.lastIndexOf('.', method - 1);
    return benchmark.substring(type + 1);
  }

  /** Throughput "score ± error" converted to operations per second. */
  private static String perSecond(Result<?> result) {
    double factor = secondsPer(result.getScoreUnit().substring("ops/".length()));
    return scoreAndError(result.getScore() / factor, result.getScoreError() / factor);
  }

  /** Average time "score ± error" converted to microseconds per operation. */
  private static String perOperation(Result<?> result) {
    double factor = 1e6 * secondsPer(result.getScoreUnit().replace("/op", ""));
    return scoreAndError(result.getScore() * factor, result.getScoreError() * factor);
  }

  private static double micros(Result<?> average) {
    return average.getScore() * 1e6 * secondsPer(average.getScoreUnit().replace("/op", ""));
  }

  private static String scoreAndError(double score, double error) {
    return Double.isNaN(error)
        ? significant(score)
        : significant(score) + " ± " + significant(error);
  }

  /** Three significant digits, without scientific notation. */
  private static String significant(double value) {
    return new java.math.BigDecimal(value)
        .round(new java.math.MathContext(3))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** JMH's time unit labels. */
  private static double secondsPer(String unit) {
    return switch (unit) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      case "min" -> 60;
      default -> throw new IllegalArgumentException("Unknown JMH time unit " + unit);
    };
  }
}

package dev.rekey.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Markdown report, built while the bench runs, with the issue 7 targets at the end. */
final class Report {

  private final StringBuilder text = new StringBuilder();
  private final List<String> targetRows = new ArrayList<>();
  private final Map<String, Double> startupMedians = new LinkedHashMap<>();

  String text() {
    return text.toString();
  }

  void line(String s) {
    text.append(s).append('\n');
  }

  void section(String title) {
    line("");
    line("## " + title);
    line("");
  }

  void header(
      int nproc,
      List<String> jvm,
      String cds,
      List<String> serverArgs,
      double warmup,
      double duration,
      int accounts,
      boolean seed,
      Path fatJar,
      Path appJar) {
    line("# Rekey HTTP benchmark");
    line("");
    line(
        "- Run: "
            + Instant.now().truncatedTo(ChronoUnit.SECONDS)
            + ", load average at start `"
            + loadAverage()
            + "`");
    line(
        "- Machine: `nproc` = "
            + nproc
            + ", "
            + cpuModel()
            + ", "
            + memTotal()
            + ", Java "
            + System.getProperty("java.vm.version")
            + " ("
            + System.getProperty("java.vm.name")
            + ")");
    line(
        "- Rekey: `java "
            + String.join(" ", jvm)
            + (cds.isBlank() ? "" : " -XX:SharedArchiveFile=<archive>")
            + " -jar "
            + appJar.getFileName()
            + " "
            + String.join(" ", serverArgs)
            + "`");
    line(
        "- Closed loop: each client sends an operation, waits for the answer, sends the next; "
            + String.format(
                Locale.ROOT, "%.0f s warm-up then %.0f s measured per level", warmup, duration)
            + "; latencies are of operations ending inside the window; CPU = the server process's utime + stime "
            + "(`/proc/<pid>/stat`) over the window ÷ operations. Generator and server share the machine.");
    line(
        "- Accounts: "
            + (seed
                ? String.format(Locale.ROOT, "%,d seeded with `--rekey.seed.accounts`", accounts)
                : "demo tenant only (`--seed=false`): reset scenarios skipped"));
  }

  void database(
      String db,
      List<LoadRun.Result> results,
      Bench.Argon2.Rate before,
      Bench.Argon2.Rate after,
      long hwmKb,
      long rssKb,
      double startupMs) {
    double limit = (before.hashesPerSecond() + after.hashesPerSecond()) / 2;
    double hashCpu = (before.cpuMsPerHash() + after.cpuMsPerHash()) / 2;
    line(
        String.format(
            Locale.ROOT,
            "Raw Argon2id limit (%d threads of `verify`, server idle): **%.1f hashes/s** before the load, **%.1f** after; mean %.1f. "
                + "CPU per hash %.1f ms before, %.1f ms after (mean %.1f).",
            before.threads(),
            before.hashesPerSecond(),
            after.hashesPerSecond(),
            limit,
            before.cpuMsPerHash(),
            after.cpuMsPerHash(),
            hashCpu));
    line("");
    line(
        "| scenario | clients | ops/s | p50 ms | p90 ms | p99 ms | max ms | errors | server CPU ms/op | generator CPU % of window |");
    line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (LoadRun.Result r : results) {
      LoadRun.Samples op = r.latencies().getOrDefault("operation", new LoadRun.Samples());
      line(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d%s | %.2f | %.0f %% |",
              r.scenario(),
              r.clients(),
              r.opsPerSecond(),
              op.percentileMs(50),
              op.percentileMs(90),
              op.percentileMs(99),
              op.maxMs(),
              r.errors(),
              r.warmupErrors() > 0 ? " (+" + r.warmupErrors() + " warm-up)" : "",
              r.cpuMsPerOp(),
              100.0 * r.benchCpuMs() / (r.seconds() * 1000)));
    }
    line("");
    line("Per call (the operation's HTTP requests):");
    line("");
    line("| scenario | clients | call | p50 ms | p90 ms | p99 ms | max ms |");
    line("|---|---:|---|---:|---:|---:|---:|");
    for (LoadRun.Result r : results) {
      for (Map.Entry<String, LoadRun.Samples> e : r.latencies().entrySet()) {
        if (e.getKey().equals("operation")) {
          continue;
        }
        LoadRun.Samples s = e.getValue();
        line(
            String.format(
                Locale.ROOT,
                "| %s | %d | `%s` | %.1f | %.1f | %.1f | %.1f |",
                r.scenario(),
                r.clients(),
                e.getKey(),
                s.percentileMs(50),
                s.percentileMs(90),
                s.percentileMs(99),
                s.maxMs()));
      }
    }
    for (LoadRun.Result r : results) {
      if (!r.errorSamples().isEmpty()) {
        line("");
        line(
            "Errors in "
                + r.scenario()
                + " at "
                + r.clients()
                + " clients (first few): `"
                + String.join("` · `", r.errorSamples())
                + "`");
      }
    }
    line("");
    line(
        String.format(
            Locale.ROOT,
            "Memory of the Rekey process: peak resident (VmHWM) **%.0f MB**, resident after the load (VmRSS) **%.0f MB**.",
            hwmKb / 1024.0,
            rssKb / 1024.0));

    // targets
    LoadRun.Result signin = best(results, "signin");
    LoadRun.Result reset = best(results, "reset");
    if (signin != null) {
      double ratio = signin.opsPerSecond() / limit;
      targetRows.add(
          row(
              db,
              "sign-in ≥ 0.95 × hash limit",
              String.format(
                  Locale.ROOT,
                  "%.1f sign-ins/s at %d clients ÷ %.1f hashes/s = **%.2f**; by CPU: %.1f ms per hash ÷ %.1f ms per sign-in = %.2f",
                  signin.opsPerSecond(),
                  signin.clients(),
                  limit,
                  ratio,
                  hashCpu,
                  signin.cpuMsPerOp(),
                  hashCpu / signin.cpuMsPerOp()),
              ratio >= 0.95,
              String.format(Locale.ROOT, "short by %.2f", 0.95 - ratio)));
    }
    if (reset != null && signin != null) {
      double ratio = reset.opsPerSecond() / signin.opsPerSecond();
      targetRows.add(
          row(
              db,
              "complete reset ≥ 0.9 × sign-in rate",
              String.format(
                  Locale.ROOT,
                  "%.1f resets/s at %d clients ÷ %.1f sign-ins/s = **%.2f** (%.2f of the hash limit); by CPU: %.1f ms per sign-in ÷ %.1f ms per reset = %.2f",
                  reset.opsPerSecond(),
                  reset.clients(),
                  signin.opsPerSecond(),
                  ratio,
                  reset.opsPerSecond() / limit,
                  signin.cpuMsPerOp(),
                  reset.cpuMsPerOp(),
                  signin.cpuMsPerOp() / reset.cpuMsPerOp()),
              ratio >= 0.9,
              String.format(Locale.ROOT, "short by %.2f", 0.9 - ratio)));
    }
    for (Map.Entry<String, String> e : Bench.nonHashingSteps().entrySet()) {
      for (LoadRun.Result r : results) {
        if (r.scenario().equals(e.getKey())
            && r.clients() == 64
            && r.latencies().containsKey(e.getValue())) {
          double p99 = r.latencies().get(e.getValue()).percentileMs(99);
          targetRows.add(
              row(
                  db,
                  "`" + e.getValue() + "` p99 ≤ 20 ms at 64 clients",
                  String.format(
                      Locale.ROOT, "p99 **%.1f ms** (%.0f calls/s)", p99, r.opsPerSecond()),
                  p99 <= Bench.NON_HASHING_P99_MS,
                  String.format(Locale.ROOT, "over by %.1f ms", p99 - Bench.NON_HASHING_P99_MS)));
        }
      }
    }
    targetRows.add(
        row(
            db,
            "resident memory after load ≤ 300 MB",
            String.format(
                Locale.ROOT, "VmRSS **%.0f MB** (peak %.0f MB)", rssKb / 1024.0, hwmKb / 1024.0),
            rssKb <= Bench.RSS_LIMIT_KB,
            String.format(Locale.ROOT, "over by %.0f MB", (rssKb - Bench.RSS_LIMIT_KB) / 1024.0)));
  }

  void startup(
      String variant,
      List<Double> fresh,
      List<Double> restart,
      double medianFresh,
      double medianRestart) {
    line(
        String.format(
            Locale.ROOT,
            "| %s | %s | %s | %.0f | %.0f |",
            variant,
            join(fresh),
            join(restart),
            medianFresh,
            medianRestart));
    startupMedians.put(variant, Math.max(medianFresh, medianRestart));
    targetRows.add(
        row(
            "h2",
            "start-up to health UP ≤ 3 s (" + variant + ")",
            String.format(
                Locale.ROOT,
                "median fresh **%.0f ms**, restart **%.0f ms**",
                medianFresh,
                medianRestart),
            Math.max(medianFresh, medianRestart) <= Bench.STARTUP_LIMIT_MS,
            String.format(
                Locale.ROOT,
                "over by %.0f ms",
                Math.max(medianFresh, medianRestart) - Bench.STARTUP_LIMIT_MS)));
  }

  void targets(List<String> failures) {
    section("Issue 7 targets");
    line("| database | target | measured | verdict |");
    line("|---|---|---|---|");
    targetRows.forEach(this::line);
    if (!failures.isEmpty()) {
      line("");
      line("**The run failed:**");
      failures.forEach(f -> line("- " + f));
    }
  }

  void footer() {
    line("");
    line("Load average at the end: `" + loadAverage() + "`.");
  }

  private static String row(
      String db, String target, String measured, boolean met, String shortfall) {
    return "| "
        + db
        + " | "
        + target
        + " | "
        + measured
        + " | "
        + (met ? "met" : "**missed** (" + shortfall + ")")
        + " |";
  }

  private static LoadRun.Result best(List<LoadRun.Result> results, String scenario) {
    LoadRun.Result best = null;
    for (LoadRun.Result r : results) {
      if (r.scenario().equals(scenario)
          && (best == null || r.opsPerSecond() > best.opsPerSecond())) {
        best = r;
      }
    }
    return best;
  }

  private static String join(List<Double> values) {
    List<String> s = new ArrayList<>();
    for (double v : values) {
      s.add(String.format(Locale.ROOT, "%.0f", v));
    }
    return String.join(", ", s);
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).trim();
    } catch (Exception e) {
      return "?";
    }
  }

  private static String cpuModel() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (l.startsWith("model name")) {
          return l.substring(l.indexOf(':') + 1).trim();
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return "unknown CPU";
  }

  private static String memTotal() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (l.startsWith("MemTotal")) {
          return String.format(
              Locale.ROOT,
              "%.1f GB RAM",
              Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0);
        }
      }
    } catch (Exception ignored) {
      // not Linux
    }
    return "? RAM";
  }
}

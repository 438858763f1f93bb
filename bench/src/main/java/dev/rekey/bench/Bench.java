package dev.rekey.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Rekey's HTTP load benchmark (issue 7): for each database, seed accounts, start Rekey as a child
 * process, measure the raw Argon2id limit, drive the scenarios closed-loop at several concurrency
 * levels, measure the limit again, and write a Markdown report. Started by {@code bench/run}.
 */
public final class Bench {

  static final double NON_HASHING_P99_MS = 20;
  static final long RSS_LIMIT_KB = 300 * 1024;
  static final double STARTUP_LIMIT_MS = 3000;

  private final Options o;
  private final Report report = new Report();
  private final List<String> failures = new ArrayList<>();
  private final int nproc = Runtime.getRuntime().availableProcessors();

  private Bench(Options o) {
    this.o = o;
  }

  public static void main(String[] args) throws Exception {
    Options o = new Options(args);
    Bench bench = new Bench(o);
    int status = bench.run();
    System.exit(status);
  }

  // ---------------------------------------------------------------------------------------- run

  private int run() throws Exception {
    Path fatJar = Path.of(o.get("jar", "target/rekey.jar")).toAbsolutePath();
    Path appJar = Path.of(o.get("app-jar", fatJar.toString())).toAbsolutePath();
    Path libDir =
        Path.of(o.get("lib-dir", appJar.getParent().resolve("lib").toString())).toAbsolutePath();
    String cds = o.get("cds-archive", "");
    Path out = Path.of(o.get("out", "bench/target/bench-report.md")).toAbsolutePath();
    double warmup = o.number("warmup", 5);
    double duration = o.number("duration", 20);
    List<Integer> levels = o.ints("levels", "1,8,64");
    List<String> dbs = o.list("dbs", "h2,postgres");
    // --scenarios=none: only start-up, seeding and the raw Argon2 limit.
    List<String> scenarios =
        o.list("scenarios", String.join(",", Scenarios.ALL)).stream()
            .filter(s -> !s.equals("none"))
            .toList();
    boolean seed = o.bool("seed", true);
    int accounts = o.integer("accounts", 20_000);
    String domain = o.get("domain", "bench.example");
    double argonSeconds = o.number("argon-seconds", 10);
    int startupTrials = o.integer("startup-trials", 3);
    List<String> jvm = Options.words(o.get("jvm-opts", defaultJvmOptions()));
    Server.mallocArenaMax = o.get("malloc-arena-max", "2");
    List<String> serverArgs =
        List.of(
            "--rekey.captcha.max-number=" + o.get("captcha-max-number", "1000"),
            "--rekey.throttle.flow-starts-per-ip=" + o.get("flow-starts-per-ip", "1000000"),
            "--server.tomcat.threads.max=" + o.get("tomcat-threads", "16"),
            "--logging.level.root=WARN");
    if (!seed) {
      scenarios =
          scenarios.stream().filter(s -> s.equals("signin") || s.equals("security-info")).toList();
    }

    report.header(nproc, jvm, cds, serverArgs, warmup, duration, accounts, seed, fatJar, appJar);
    report.line(
        "- Environment of the Rekey process: `MALLOC_ARENA_MAX="
            + Server.mallocArenaMax
            + "`; the raw Argon2 limit runs with the same JVM options, "
            + "the generator in its own JVM on the same machine.");
    Argon2 argon = new Argon2(libDir, jvm, argonSeconds, nproc);
    for (String db : dbs) {
      try {
        runDatabase(
            db,
            fatJar,
            appJar,
            cds,
            jvm,
            serverArgs,
            argon,
            scenarios,
            levels,
            warmup,
            duration,
            seed,
            accounts,
            domain);
      } catch (Exception e) {
        failures.add(db + ": " + e.getMessage());
        report.line(
            "**" + db + " failed:** `" + String.valueOf(e.getMessage()).replace('\n', ' ') + "`");
        e.printStackTrace();
      }
    }
    if (dbs.contains("h2") && startupTrials > 0) {
      try {
        startup(fatJar, appJar, cds, jvm, serverArgs, startupTrials);
      } catch (Exception e) {
        failures.add("start-up: " + e.getMessage());
        e.printStackTrace();
      }
    }
    report.targets(failures);
    report.footer();
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.text());
    System.out.println();
    System.out.println(report.text());
    System.out.println("Report written to " + out);
    if (!failures.isEmpty()) {
      System.err.println("BENCH FAILED:\n  " + String.join("\n  ", failures));
      return 1;
    }
    return 0;
  }

  /**
   * The server's JVM options when bench/run passes none (bench/run sets the same): Serial GC (one
   * GC thread, the smallest footprint on 2 cores), a heap ceiling that holds the live set (about 50
   * MB) plus the Argon2id blocks of every hash in flight (19 MiB each, at most one per Tomcat
   * thread: see tomcat-threads). A larger heap (young generation) halves the CPU a sign-in costs
   * with today's Argon2 encoder, which allocates 19 MiB per hash; see docs/BENCHMARKS.md.
   */
  static String defaultJvmOptions() {
    return "-XX:+UseSerialGC -Xmx192m -Xss512k -XX:ReservedCodeCacheSize=48m -XX:+ExitOnOutOfMemoryError";
  }

  private void runDatabase(
      String db,
      Path fatJar,
      Path appJar,
      String cds,
      List<String> jvm,
      List<String> serverArgs,
      Argon2 argon,
      List<String> scenarios,
      List<Integer> levels,
      double warmup,
      double duration,
      boolean seed,
      int accounts,
      String domain)
      throws Exception {
    Path work = Files.createTempDirectory("rekey-bench-" + db + "-");
    String pgName =
        "rekey_bench_"
            + ProcessHandle.current().pid()
            + "_"
            + (System.currentTimeMillis() % 100000);
    List<String> dbArgs = new ArrayList<>();
    boolean created = false;
    report.section(db.equals("h2") ? "Embedded default (H2)" : "PostgreSQL");
    try {
      switch (db) {
        case "h2" ->
            report.line(
                "Data directory: a fresh temporary directory (the default `./data` of the child's working directory).");
        case "postgres" -> {
          String host = o.get("pg-host", "127.0.0.1");
          String user = o.get("pg-user", "postgres");
          Server.run(
              List.of("createdb", "-h", host, "-U", user, pgName),
              work,
              work.resolve("createdb.log"),
              60);
          created = true;
          dbArgs.add(
              "--spring.datasource.url=jdbc:postgresql://"
                  + host
                  + ":"
                  + o.get("pg-port", "5432")
                  + "/"
                  + pgName);
          dbArgs.add("--spring.datasource.username=" + user);
          dbArgs.add("--spring.datasource.password=" + o.get("pg-password", ""));
          report.line(
              "Database: `"
                  + pgName
                  + "` created for this run with `createdb` and dropped at its end; master key in a fresh temporary data directory.");
        }
        default -> throw new IllegalArgumentException("unknown database " + db + " (h2, postgres)");
      }
      dbArgs.add("--rekey.data-dir=" + work.resolve("data"));
      report.line("");

      if (seed) {
        List<String> cmd =
            new ArrayList<>(
                List.of(
                    "java",
                    "-jar",
                    fatJar.toString(),
                    "--spring.main.web-application-type=none",
                    "--rekey.seed.accounts=" + accounts,
                    "--rekey.seed.domain=" + domain));
        cmd.addAll(dbArgs);
        log("[" + db + "] seeding " + accounts + " accounts");
        long t0 = System.nanoTime();
        Server.run(cmd, work, work.resolve("seed.log"), 3600);
        report.line(
            String.format(
                Locale.ROOT,
                "Seeded %,d accounts (`--rekey.seed.accounts`) in %.1f s.",
                accounts,
                (System.nanoTime() - t0) / 1e9));
      }

      int port = Server.freePort();
      List<String> cmd = serverCommand(jvm, cds, appJar, serverArgs, dbArgs, port);
      log("[" + db + "] starting Rekey on port " + port);
      try (Server server = Server.start(cmd, work, work.resolve("server.log"), port)) {
        double up = server.awaitHealthUp(180);
        report.line(
            String.format(
                Locale.ROOT,
                "Start-up (process start → first `/actuator/health` UP): **%.0f ms**%s.",
                up,
                seed ? " (data already migrated and seeded)" : ""));
        report.line("");
        log("[" + db + "] UP in " + Math.round(up) + " ms; raw Argon2 limit");
        Argon2.Rate before = argon.measure();
        Scenarios sc =
            new Scenarios(
                port,
                domain,
                accounts,
                seed
                    ? List.of()
                    : List.of(
                        "alain@contoso.com:Welcome-to-Rekey-1",
                        "adele@contoso.com:Welcome-to-Rekey-1"));
        List<LoadRun.Result> results = new ArrayList<>();
        for (String scenario : scenarios) {
          List<Integer> lv = new ArrayList<>(levels);
          if (scenario.equals("signin")) {
            lv =
                new ArrayList<>(
                    new TreeSet<>(lv) {
                      {
                        add(nproc);
                      }
                    });
          }
          for (int c : lv) {
            log(
                String.format(
                    Locale.ROOT,
                    "[%s] %s at %d clients (%.0f s + %.0f s)",
                    db,
                    scenario,
                    c,
                    warmup,
                    duration));
            LoadRun.Result r =
                LoadRun.run(scenario, c, warmup, duration, sc.factory(scenario), server);
            results.add(r);
            log(
                String.format(
                    Locale.ROOT,
                    "    %.1f ops/s, p99 %.1f ms, errors %d, CPU %.1f ms/op",
                    r.opsPerSecond(),
                    r.latencies().containsKey("operation")
                        ? r.latencies().get("operation").percentileMs(99)
                        : Double.NaN,
                    r.errors(),
                    r.cpuMsPerOp()));
            if (r.errorRate() > 0.001 || (r.ops() == 0)) {
              failures.add(
                  String.format(
                      Locale.ROOT,
                      "%s %s at %d clients: %d errors of %d (%.2f %%) %s",
                      db,
                      scenario,
                      c,
                      r.errors(),
                      r.ops() + r.errors(),
                      100 * r.errorRate(),
                      r.errorSamples()));
            }
          }
        }
        long hwm = server.statusKb("VmHWM");
        long rss = server.statusKb("VmRSS");
        if (jvm.stream().anyMatch(a -> a.startsWith("-XX:NativeMemoryTracking"))) {
          // Diagnostics: where the resident memory is, by JVM area (jcmd VM.native_memory).
          Path nmt = work.resolve("nmt.txt");
          Server.run(
              List.of("jcmd", String.valueOf(server.pid()), "VM.native_memory", "summary"),
              work,
              nmt,
              60);
          Files.lines(nmt)
              .filter(l -> l.startsWith("-") || l.startsWith("Total"))
              .forEach(l -> log("    " + l.trim()));
        }
        log("[" + db + "] raw Argon2 limit again");
        Argon2.Rate after = argon.measure();
        report.database(db, results, before, after, hwm, rss, up);
      }
    } finally {
      if (created) {
        try {
          Server.run(
              List.of(
                  "dropdb",
                  "-h",
                  o.get("pg-host", "127.0.0.1"),
                  "-U",
                  o.get("pg-user", "postgres"),
                  "--if-exists",
                  pgName),
              work,
              work.resolve("dropdb.log"),
              120);
        } catch (Exception e) {
          failures.add("dropdb " + pgName + ": " + e.getMessage());
        }
      }
      if (!o.bool("keep", false)) {
        delete(work);
      } else {
        log("kept " + work);
      }
    }
  }

  static List<String> serverCommand(
      List<String> jvm,
      String cds,
      Path appJar,
      List<String> serverArgs,
      List<String> dbArgs,
      int port) {
    List<String> cmd = new ArrayList<>();
    cmd.add("java");
    cmd.addAll(jvm);
    if (!cds.isBlank()) {
      cmd.add("-XX:SharedArchiveFile=" + cds);
    }
    cmd.add("-jar");
    cmd.add(appJar.toString());
    cmd.add("--server.port=" + port);
    cmd.addAll(serverArgs);
    cmd.addAll(dbArgs);
    return cmd;
  }

  /** Start-up of the embedded default, with and without the AppCDS archive, fresh and restarted. */
  private void startup(
      Path fatJar, Path appJar, String cds, List<String> jvm, List<String> serverArgs, int trials)
      throws Exception {
    report.section("Start-up of the embedded default");
    report.line(
        "Process start → first `/actuator/health` UP, same JVM options as above, one start at a time with no load from the bench; "
            + "**fresh** = empty data directory (Flyway migrates, the demo tenant is created), **restart** = the data directory of the previous start.");
    report.line("");
    report.line("| variant | fresh (ms) | restart (ms) | median fresh | median restart |");
    report.line("|---|---|---|---:|---:|");
    record Variant(String name, Path jar, String cds) {
      List<String> args(List<String> serverArgs) {
        if (!name.contains("lazy")) {
          return serverArgs;
        }
        List<String> a = new ArrayList<>(serverArgs);
        a.add("--spring.main.lazy-initialization=true");
        return a;
      }
    }
    List<Variant> variants = new ArrayList<>();
    variants.add(new Variant("`java -jar` fat jar", fatJar, ""));
    if (!appJar.equals(fatJar)) {
      variants.add(new Variant("extracted jar (`-Djarmode=tools extract`)", appJar, ""));
    }
    if (!cds.isBlank()) {
      variants.add(new Variant("extracted jar + AppCDS archive", appJar, cds));
    }
    variants.add(
        new Variant(
            "extracted jar" + (cds.isBlank() ? "" : " + AppCDS") + " + lazy initialization",
            appJar,
            cds));
    for (Variant v : variants) {
      List<Double> fresh = new ArrayList<>();
      List<Double> restart = new ArrayList<>();
      for (int t = 0; t < trials; t++) {
        Path work = Files.createTempDirectory("rekey-bench-start-");
        try {
          for (int k = 0; k < 2; k++) {
            int port = Server.freePort();
            List<String> cmd =
                serverCommand(jvm, v.cds(), v.jar(), v.args(serverArgs), List.of(), port);
            try (Server s = Server.start(cmd, work, work.resolve("server-" + k + ".log"), port)) {
              double ms = s.awaitHealthUp(180);
              (k == 0 ? fresh : restart).add(ms);
              log(
                  String.format(
                      Locale.ROOT,
                      "start-up %s %s: %.0f ms",
                      v.name(),
                      k == 0 ? "fresh" : "restart",
                      ms));
            }
          }
        } finally {
          delete(work);
        }
      }
      double mf = median(fresh);
      double mr = median(restart);
      report.startup(v.name(), fresh, restart, mf, mr);
    }
    report.line("");
  }

  static double median(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n == 0 ? Double.NaN : n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }

  static void log(String message) {
    System.err.println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " " + message);
  }

  static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** The raw Argon2 limit, measured in a JVM of its own (see {@link Argon2Limit}). */
  static final class Argon2 {
    record Rate(double hashesPerSecond, double cpuMsPerHash, int threads, double seconds) {}

    private final Path libDir;
    private final List<String> jvm;
    private final double seconds;
    private final int threads;

    Argon2(Path libDir, List<String> jvm, double seconds, int threads) {
      this.libDir = libDir;
      this.jvm = jvm;
      this.seconds = seconds;
      this.threads = threads;
    }

    Rate measure() throws Exception {
      String classes =
          Path.of(Argon2Limit.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .toString();
      List<String> cmd = new ArrayList<>();
      cmd.add("java");
      cmd.addAll(jvm);
      cmd.add("-cp");
      // The extracted layout: Rekey's own thin jar beside lib/ with its dependencies.
      cmd.add(classes + ":" + libDir.getParent() + "/*:" + libDir + "/*");
      cmd.add(Argon2Limit.class.getName());
      cmd.add(String.valueOf(threads));
      cmd.add("3");
      cmd.add(String.valueOf(seconds));
      Path log = Files.createTempFile("rekey-bench-argon2-", ".log");
      try {
        Server.run(cmd, Path.of("."), log, 600);
        String out = Files.readString(log);
        String rate = out.substring(out.indexOf("rate=") + 5).trim().split("\\s+")[0];
        String cpu = out.substring(out.indexOf("cpu_ms_per_hash=") + 16).trim().split("\\s+")[0];
        log(
            "    raw Argon2: "
                + rate
                + " hashes/s on "
                + threads
                + " threads, "
                + cpu
                + " CPU ms per hash");
        return new Rate(Double.parseDouble(rate), Double.parseDouble(cpu), threads, seconds);
      } finally {
        Files.deleteIfExists(log);
      }
    }
  }

  static Map<String, String> nonHashingSteps() {
    return Map.of(
        "flow-start", "POST /api/v1/reset/flows",
        "totp-verify", "POST /api/v1/reset/flows/{id}/verifications",
        "security-info", "GET /security-info");
  }
}

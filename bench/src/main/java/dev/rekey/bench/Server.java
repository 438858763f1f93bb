package dev.rekey.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Rekey as a child process: start, wait for health UP, read its CPU time and memory, stop. */
final class Server implements AutoCloseable {

  /** Linux clock ticks per second for /proc/<pid>/stat (USER_HZ; 100 on every common kernel). */
  static final long TICKS = clockTicks();

  final Process process;
  final int port;
  final Path log;
  final long startNanos;
  final List<String> command;

  private Server(Process process, int port, Path log, long startNanos, List<String> command) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.startNanos = startNanos;
    this.command = command;
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /**
   * glibc's malloc arenas for the child ({@code MALLOC_ARENA_MAX}): by default up to 8 per core,
   * each reserving up to 64 MB, which shows up as resident memory of a many-threaded JVM.
   */
  static String mallocArenaMax = "2";

  static Server start(List<String> command, Path workDir, Path log, int port) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    if (!mallocArenaMax.isBlank()) {
      pb.environment().put("MALLOC_ARENA_MAX", mallocArenaMax);
    }
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    long start = System.nanoTime();
    return new Server(pb.start(), port, log, start, List.copyOf(command));
  }

  long pid() {
    return process.pid();
  }

  /** Polls /actuator/health every 10 ms; the milliseconds from process start to the first UP. */
  double awaitHealthUp(long timeoutSeconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Rekey exited with " + process.exitValue() + "; see " + log + tail());
      }
      try (Http http = new Http("127.0.0.1", port)) {
        Http.Response r = http.get("/actuator/health");
        if (r.status() == 200 && r.text().contains("\"UP\"")) {
          return (System.nanoTime() - startNanos) / 1e6;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException(
        "Rekey not UP within " + timeoutSeconds + " s; see " + log + tail());
  }

  /** utime + stime of the child in milliseconds (/proc/<pid>/stat fields 14 and 15). */
  long cpuMillis() throws IOException {
    String stat = Files.readString(Path.of("/proc/" + pid() + "/stat"));
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    return ticks * 1000 / TICKS;
  }

  /** A /proc/<pid>/status value in kB (VmHWM = peak resident, VmRSS = resident now). */
  long statusKb(String field) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
      if (line.startsWith(field + ":")) {
        return Long.parseLong(line.substring(field.length() + 1).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalStateException(field + " not in /proc/" + pid() + "/status");
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return "\n  "
          + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor();
      }
    }
  }

  /** Runs a command to its end (seeding, createdb…); fails loudly on a non-zero exit. */
  static void run(List<String> command, Path workDir, Path log, long timeoutSeconds)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(workDir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(
          command + " did not finish in " + timeoutSeconds + " s; see " + log);
    }
    if (p.exitValue() != 0) {
      List<String> lines = Files.readAllLines(log);
      throw new IllegalStateException(
          command
              + " exited with "
              + p.exitValue()
              + ":\n  "
              + String.join("\n  ", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
    }
  }

  private static long clockTicks() {
    try {
      Process p = new ProcessBuilder("getconf", "CLK_TCK").start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      p.waitFor();
      return Long.parseLong(out);
    } catch (Exception e) {
      return 100;
    }
  }
}

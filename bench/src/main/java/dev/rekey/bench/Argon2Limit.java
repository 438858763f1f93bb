package dev.rekey.bench;

import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * The machine's raw Argon2id rate with Rekey's parameters — the hash limit every hashing scenario
 * is compared with. Runs in a JVM of its own whose class path is Rekey's own extracted jar and the
 * jars packed with it, and hashes with the very class Rekey uses ({@code
 * dev.rekey.crypto.Argon2id.standard()}: m = 19 MiB, t = 2, p = 1, one arena per processor), found
 * by reflection so this project needs no compile-time dependency on Rekey.
 *
 * <p>Arguments: threads, warm-up seconds, measured seconds. Prints {@code hashes=<n> seconds=<s>
 * rate=<hashes/s> cpu_ms_per_hash=<ms>}.
 */
public final class Argon2Limit {

  private Argon2Limit() {}

  public static void main(String[] args) throws Exception {
    int threads = Integer.parseInt(args[0]);
    double warmup = Double.parseDouble(args[1]);
    double seconds = Double.parseDouble(args[2]);
    Class<?> type = Class.forName("dev.rekey.crypto.Argon2id");
    Object argon2 = type.getMethod("standard").invoke(null);
    Method matches = type.getMethod("matches", CharSequence.class, String.class);
    String hash = (String) type.getMethod("hash", CharSequence.class).invoke(argon2, PASSWORD);
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                while (!stop.get()) {
                  if (!verify(matches, argon2, hash)) {
                    throw new IllegalStateException("Argon2 verification failed");
                  }
                  if (counting.get()) {
                    done.increment();
                  }
                }
              });
      workers[t].start();
    }
    Thread.sleep((long) (warmup * 1000));
    counting.set(true);
    long start = System.nanoTime();
    long cpu0 = cpuNanos();
    Thread.sleep((long) (seconds * 1000));
    long hashes = done.sum();
    long cpu1 = cpuNanos();
    double elapsed = (System.nanoTime() - start) / 1e9;
    stop.set(true);
    for (Thread w : workers) {
      w.join();
    }
    System.out.printf(
        java.util.Locale.ROOT,
        "hashes=%d seconds=%.3f rate=%.3f cpu_ms_per_hash=%.3f%n",
        hashes,
        elapsed,
        hashes / elapsed,
        (cpu1 - cpu0) / 1e6 / Math.max(1, hashes));
  }

  private static final String PASSWORD = "Seeded-Passw0rd-2026";

  private static boolean verify(Method matches, Object argon2, String hash) {
    try {
      return (Boolean) matches.invoke(argon2, PASSWORD, hash);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** CPU time of this whole process (all threads, JIT and GC included), like /proc/<pid>/stat. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

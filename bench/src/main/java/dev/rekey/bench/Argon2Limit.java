package dev.rekey.bench;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The machine's raw Argon2id rate with Rekey's parameters — the hash limit every hashing scenario
 * is compared with. Runs in a JVM of its own whose class path is the jars packed inside Rekey's
 * jar, so library and version are Rekey's. This is the ONE place to change when PasswordHashing
 * changes (today: Spring Security's Argon2PasswordEncoder(16, 32, 1, 19_456, 2) on BouncyCastle).
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
    Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
    String hash = encoder.encode("Seeded-Passw0rd-2026");
    AtomicBoolean counting = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    LongAdder done = new LongAdder();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] =
          new Thread(
              () -> {
                while (!stop.get()) {
                  if (!encoder.matches("Seeded-Passw0rd-2026", hash)) {
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

  /** CPU time of this whole process (all threads, JIT and GC included), like /proc/<pid>/stat. */
  private static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}

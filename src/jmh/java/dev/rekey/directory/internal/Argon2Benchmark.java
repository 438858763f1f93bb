package dev.rekey.directory.internal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The yardstick: one Argon2id password hash with Rekey's own parameters (m=19 MiB, t=2, p=1; see
 * {@link PasswordHashing}). Issue 7: sign-in and reset are bound by it, everything else must cost a
 * small fraction of it. {@code verify} is what a sign-in pays; {@code hash} what setting a password
 * pays; {@code verifyAllCores} runs one verification per available processor at once and so gives
 * this machine's hash limit (its throughput is the sum over all threads).
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
// Milliseconds: one hash takes tens of them (docs/BENCHMARKS.md converts to µs).
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Argon2Benchmark {

  static final String PASSWORD = "Tulip-harbour-quietly-73";

  private PasswordHashing hashing;
  private String stored;

  @Setup
  public void setUp() {
    hashing = new PasswordHashing();
    stored = hashing.hash(PASSWORD);
    if (!hashing.matches(PASSWORD, stored) || hashing.matches(PASSWORD + "x", stored)) {
      throw new IllegalStateException("Argon2id does not behave as intended");
    }
  }

  @Benchmark
  public boolean verify() {
    return hashing.matches(PASSWORD, stored);
  }

  @Benchmark
  public String hash() {
    return hashing.hash(PASSWORD);
  }

  @Benchmark
  @Threads(Threads.MAX)
  public boolean verifyAllCores() {
    return hashing.matches(PASSWORD, stored);
  }
}

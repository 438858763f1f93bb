package dev.rekey.methods.totp;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Verification of an authenticator-app code (RFC 6238, HMAC-SHA-1, 6 digits, ±1 step): a right and
 * a wrong code. Both compute all three codes of the window, so they should cost the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class TotpVerifierBenchmark {

  private TotpVerifier verifier;
  private byte[] secret;
  private String rightCode;
  private String wrongCode;

  @Setup
  public void setUp() {
    // A fixed clock: the right code stays right for the whole run.
    verifier = new TotpVerifier(Clock.fixed(Instant.parse("2026-01-15T09:30:10Z"), ZoneOffset.UTC));
    secret = new byte[20]; // 160 bits, RFC 4226 §4's recommended length
    new SecureRandom().nextBytes(secret);
    rightCode = verifier.currentCode(secret);
    int wrong = (Integer.parseInt(rightCode) + 500_000) % 1_000_000;
    wrongCode = String.format("%06d", wrong);
    if (verifier.verify(secret, rightCode, TotpVerifier.NO_STEP_USED).isEmpty()
        || verifier.verify(secret, wrongCode, TotpVerifier.NO_STEP_USED).isPresent()) {
      throw new IllegalStateException("The benchmark's codes do not behave as intended");
    }
  }

  @Benchmark
  public OptionalLong verifyRightCode() {
    return verifier.verify(secret, rightCode, TotpVerifier.NO_STEP_USED);
  }

  @Benchmark
  public OptionalLong verifyWrongCode() {
    return verifier.verify(secret, wrongCode, TotpVerifier.NO_STEP_USED);
  }
}

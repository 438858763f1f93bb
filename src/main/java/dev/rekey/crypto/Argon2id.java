package dev.rekey.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id (RFC 9106, version 0x13) for password and answer hashes, with Rekey's parameters: m = 19
 * MiB, t = 2, p = 1, 16-byte salt, 32-byte tag — OWASP Password Storage Cheat Sheet's minimum, ASVS
 * 5.0 §11.4.2. Hashes are written in the PHC string format ({@code
 * $argon2id$v=19$m=19456,t=2,p=1$salt$tag}, unpadded base64) that Spring Security's {@code
 * Argon2PasswordEncoder} writes and reads, so hashes stored before this class verify unchanged and
 * the parameters can be raised later without breaking old hashes.
 *
 * <p>Why an own implementation: sign-in and reset are bound by this hash (issue 7), and the generic
 * one allocates its 19 MiB as tens of thousands of small objects on every call. Here each hash runs
 * in a flat, reused {@code long[]} arena, and there are only as many arenas as processors: a hash
 * waits for a free arena instead of competing with more hashes than there are cores. That keeps the
 * memory bounded (processors × 19 MiB, however many requests arrive at once), spares the garbage
 * collector, and keeps each hash's working set warm in its core's cache. Correctness is pinned by
 * RFC 9106 §5.3's test vector and by cross-checks against the generic implementation ({@code
 * Argon2idTest}).
 */
public final class Argon2id {

  /** Argon2 version 1.3 (RFC 9106 §3.1: v = 0x13). */
  private static final int VERSION = 0x13;

  /** Argon2 type y: 2 = Argon2id. */
  private static final int TYPE_ID = 2;

  private static final int BLOCK_WORDS = 128;
  private static final int SYNC_POINTS = 4;
  private static final int ADDRESSES_PER_BLOCK = BLOCK_WORDS;

  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  /**
   * A hash of a random value nobody knows, with the standard parameters: checking a text against it
   * costs exactly one standard check. A constant, so start-up does not spend a (still interpreted,
   * slow) hash on making one.
   */
  private static final String STANDARD_DECOY =
      "$argon2id$v=19$m=19456,t=2,p=1$4vvrNqZLnM4qRNEuOSPuug$tUkyPrpo6DmDuUJddrfJ8rgIele+ysvUG9HczCDHzkE";

  private static final Argon2id STANDARD =
      new Argon2id(19_456, 2, 1, 16, 32, Runtime.getRuntime().availableProcessors());

  private final int memoryKiB;
  private final int iterations;
  private final int parallelism;
  private final int saltLength;
  private final int tagLength;
  private final BlockingQueue<Arena> arenas;
  private final SecureRandom random = new SecureRandom();
  private volatile String decoy;

  /**
   * @param memoryKiB m, in KiB (= 1 KiB blocks), at least 8 × parallelism
   * @param iterations t, at least 1
   * @param parallelism p (lanes), 1–255 here
   * @param saltLength bytes of random salt for new hashes, at least 8 (RFC 9106 recommends 16)
   * @param tagLength bytes of tag, at least 4
   * @param concurrency hashes that may run at once; each holds an arena of m KiB
   */
  public Argon2id(
      int memoryKiB,
      int iterations,
      int parallelism,
      int saltLength,
      int tagLength,
      int concurrency) {
    if (parallelism < 1 || parallelism > 255) {
      throw new IllegalArgumentException("parallelism must be 1-255");
    }
    if (memoryKiB < 8 * parallelism || iterations < 1 || saltLength < 8 || tagLength < 4) {
      throw new IllegalArgumentException("Argon2id parameters out of range");
    }
    if (concurrency < 1) {
      throw new IllegalArgumentException("concurrency must be at least 1");
    }
    this.memoryKiB = memoryKiB;
    this.iterations = iterations;
    this.parallelism = parallelism;
    this.saltLength = saltLength;
    this.tagLength = tagLength;
    this.decoy =
        memoryKiB == 19_456 && iterations == 2 && parallelism == 1 && tagLength == 32
            ? STANDARD_DECOY
            : null;
    this.arenas = new ArrayBlockingQueue<>(concurrency);
    for (int i = 0; i < concurrency; i++) {
      arenas.add(new Arena(memoryKiB * BLOCK_WORDS));
    }
  }

  /**
   * Rekey's parameters (m = 19 MiB, t = 2, p = 1), one arena per processor, shared by everything in
   * the process that hashes passwords or answers.
   */
  public static Argon2id standard() {
    return STANDARD;
  }

  /** A new PHC-format hash of the text (UTF-8) with a fresh random salt. */
  public String hash(CharSequence text) {
    byte[] salt = new byte[saltLength];
    random.nextBytes(salt);
    byte[] tag =
        derive(
            utf8(text),
            salt,
            new byte[0],
            new byte[0],
            memoryKiB,
            iterations,
            parallelism,
            tagLength);
    return "$argon2id$v=19$m="
        + memoryKiB
        + ",t="
        + iterations
        + ",p="
        + parallelism
        + "$"
        + B64.encodeToString(salt)
        + "$"
        + B64.encodeToString(tag);
  }

  /**
   * Whether the text matches a PHC-format Argon2id hash, compared in constant time. A malformed or
   * foreign hash (another algorithm, version or absurd parameters) never matches.
   */
  public boolean matches(CharSequence text, String encoded) {
    Phc phc = Phc.parse(encoded);
    if (phc == null) {
      return false;
    }
    byte[] actual =
        derive(
            utf8(text),
            phc.salt,
            new byte[0],
            new byte[0],
            phc.memoryKiB,
            phc.iterations,
            phc.parallelism,
            phc.tag.length);
    return MessageDigest.isEqual(actual, phc.tag);
  }

  /**
   * Spends one check's worth of work and answers nothing: what a sign-in with an unknown user or a
   * missing answer costs, so that it takes as long as a wrong password (no account enumeration by
   * timing, ASVS 5.0 §6.3.8).
   */
  public void burn(CharSequence text) {
    String against = decoy;
    if (against == null) {
      against = hash("decoy-" + random.nextLong());
      decoy = against;
    }
    matches(text, against);
  }

  /**
   * Argon2id's tag (RFC 9106 §3.2) of a password with salt, optional secret and associated data.
   * Runs in one of this instance's arenas when the memory fits (waiting for a free one), else in a
   * fresh one.
   */
  public byte[] derive(
      byte[] password,
      byte[] salt,
      byte[] secret,
      byte[] associatedData,
      int memoryKiB,
      int iterations,
      int parallelism,
      int tagLength) {
    Arena arena;
    try {
      arena = arenas.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to hash", e);
    }
    try {
      return new Computation(
              arena,
              password,
              salt,
              secret,
              associatedData,
              memoryKiB,
              iterations,
              parallelism,
              tagLength)
          .run();
    } finally {
      arenas.add(arena);
    }
  }

  private static byte[] utf8(CharSequence text) {
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Working memory of one hash, reused from one hash to the next. */
  private static final class Arena {
    private final int keptWords;
    private long[] memory = new long[0];
    final long[] r = new long[BLOCK_WORDS];
    final long[] z = new long[BLOCK_WORDS];
    final long[] zero = new long[BLOCK_WORDS];
    final long[] input = new long[BLOCK_WORDS];
    final long[] address = new long[BLOCK_WORDS];

    /**
     * @param keptWords the most memory this arena keeps between hashes (the instance's m)
     */
    Arena(int keptWords) {
      this.keptWords = keptWords;
    }

    /**
     * Memory for one hash: the kept arena when it fits; a larger one (an old hash with bigger
     * parameters) gets a one-off array, so a single such hash cannot pin its memory for good.
     */
    long[] memory(int words) {
      if (words > keptWords) {
        return new long[words];
      }
      if (memory.length < words) {
        memory = new long[keptWords];
      }
      return memory;
    }
  }

  /** A decoded PHC string; null from {@link #parse} when it is not one we can check. */
  private record Phc(int memoryKiB, int iterations, int parallelism, byte[] salt, byte[] tag) {

    static Phc parse(String encoded) {
      if (encoded == null) {
        return null;
      }
      String[] parts = encoded.split("\\$", -1);
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, tag
      if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1])) {
        return null;
      }
      if (!"v=19".equals(parts[2])) {
        return null;
      }
      int m = -1;
      int t = -1;
      int p = -1;
      for (String parameter : parts[3].split(",", -1)) {
        int eq = parameter.indexOf('=');
        if (eq < 1) {
          return null;
        }
        int value = number(parameter.substring(eq + 1));
        switch (parameter.substring(0, eq)) {
          case "m" -> m = value;
          case "t" -> t = value;
          case "p" -> p = value;
          default -> {
            return null;
          }
        }
      }
      // Bounds against hostile hashes: at most 1 GiB, 100 passes, 64 lanes.
      if (p < 1 || p > 64 || m < 8 * p || m > 1 << 20 || t < 1 || t > 100) {
        return null;
      }
      try {
        byte[] salt = B64_DECODER.decode(parts[4]);
        byte[] tag = B64_DECODER.decode(parts[5]);
        if (salt.length < 8 || tag.length < 4 || tag.length > 1024) {
          return null;
        }
        return new Phc(m, t, p, salt, tag);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }

    private static int number(String digits) {
      if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      return Integer.parseInt(digits);
    }
  }

  /** One run of the algorithm of RFC 9106 §3. */
  private static final class Computation {
    private final Arena arena;
    private final long[] memory;
    private final byte[] h0;
    private final int lanes;
    private final int laneLength;
    private final int segmentLength;
    private final int blocks;
    private final int passes;
    private final int tagLength;

    Computation(
        Arena arena,
        byte[] password,
        byte[] salt,
        byte[] secret,
        byte[] associatedData,
        int memoryKiB,
        int iterations,
        int parallelism,
        int tagLength) {
      this.arena = arena;
      this.lanes = parallelism;
      this.passes = iterations;
      this.tagLength = tagLength;
      // m' = 4 p floor(m / 4p) blocks (§3.2 step 3).
      this.segmentLength = memoryKiB / (SYNC_POINTS * parallelism);
      this.laneLength = segmentLength * SYNC_POINTS;
      this.blocks = laneLength * parallelism;
      this.memory = arena.memory(blocks * BLOCK_WORDS);
      this.h0 = initialHash(password, salt, secret, associatedData, memoryKiB, iterations);
    }

    private byte[] initialHash(
        byte[] password,
        byte[] salt,
        byte[] secret,
        byte[] associatedData,
        int memoryKiB,
        int iterations) {
      Blake2bDigest digest = new Blake2bDigest(512);
      int32(digest, lanes);
      int32(digest, tagLength);
      int32(digest, memoryKiB);
      int32(digest, iterations);
      int32(digest, VERSION);
      int32(digest, TYPE_ID);
      lengthPrefixed(digest, password);
      lengthPrefixed(digest, salt);
      lengthPrefixed(digest, secret);
      lengthPrefixed(digest, associatedData);
      byte[] out = new byte[64];
      digest.doFinal(out, 0);
      return out;
    }

    byte[] run() {
      firstBlocks();
      for (int pass = 0; pass < passes; pass++) {
        for (int slice = 0; slice < SYNC_POINTS; slice++) {
          for (int lane = 0; lane < lanes; lane++) {
            fillSegment(pass, lane, slice);
          }
        }
      }
      // C = XOR of every lane's last block; tag = H'^T(C) (§3.2 steps 7–8).
      long[] last = arena.r;
      System.arraycopy(memory, (laneLength - 1) * BLOCK_WORDS, last, 0, BLOCK_WORDS);
      for (int lane = 1; lane < lanes; lane++) {
        int offset = (lane * laneLength + laneLength - 1) * BLOCK_WORDS;
        for (int w = 0; w < BLOCK_WORDS; w++) {
          last[w] ^= memory[offset + w];
        }
      }
      // The arena is not wiped: pass 0 writes every block before anything reads it, so nothing of
      // one hash leaks into the next, and wiping 19 MiB would cost a few percent of every hash.
      return variableHash(toBytes(last), tagLength);
    }

    /** B[i][0] = H'^1024(H0 || 0 || i), B[i][1] = H'^1024(H0 || 1 || i) (§3.2 steps 4–5). */
    private void firstBlocks() {
      byte[] seed = new byte[72];
      System.arraycopy(h0, 0, seed, 0, 64);
      for (int lane = 0; lane < lanes; lane++) {
        for (int column = 0; column < 2; column++) {
          putInt(seed, 64, column);
          putInt(seed, 68, lane);
          byte[] block = variableHash(seed, 1024);
          int offset = (lane * laneLength + column) * BLOCK_WORDS;
          for (int w = 0; w < BLOCK_WORDS; w++) {
            memory[offset + w] = getLong(block, w * 8);
          }
        }
      }
    }

    private void fillSegment(int pass, int lane, int slice) {
      boolean independent = pass == 0 && slice < SYNC_POINTS / 2; // Argon2id (§3.4.1.3)
      long[] input = arena.input;
      long[] address = arena.address;
      if (independent) {
        java.util.Arrays.fill(input, 0L);
        input[0] = pass;
        input[1] = lane;
        input[2] = slice;
        input[3] = blocks;
        input[4] = passes;
        input[5] = TYPE_ID;
      }
      int start = 0;
      if (pass == 0 && slice == 0) {
        start = 2;
        if (independent) {
          nextAddresses(input, address);
        }
      }
      int current = lane * laneLength + slice * segmentLength + start;
      int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
      for (int index = start; index < segmentLength; index++, current++, previous++) {
        if (current % laneLength == 1) {
          previous = current - 1;
        }
        long pseudoRandom;
        if (independent) {
          if (index % ADDRESSES_PER_BLOCK == 0) {
            nextAddresses(input, address);
          }
          pseudoRandom = address[index % ADDRESSES_PER_BLOCK];
        } else {
          pseudoRandom = memory[previous * BLOCK_WORDS];
        }
        int refLane = (int) ((pseudoRandom >>> 32) % lanes);
        if (pass == 0 && slice == 0) {
          refLane = lane;
        }
        int refIndex = referenceIndex(pass, slice, index, pseudoRandom, refLane == lane);
        int reference = refLane * laneLength + refIndex;
        compress(previous, reference, current, pass > 0);
      }
    }

    /** The reference block's column (§3.4.2). */
    private int referenceIndex(
        int pass, int slice, int index, long pseudoRandom, boolean sameLane) {
      int area;
      if (pass == 0) {
        if (slice == 0) {
          area = index - 1;
        } else if (sameLane) {
          area = slice * segmentLength + index - 1;
        } else {
          area = slice * segmentLength + (index == 0 ? -1 : 0);
        }
      } else if (sameLane) {
        area = laneLength - segmentLength + index - 1;
      } else {
        area = laneLength - segmentLength + (index == 0 ? -1 : 0);
      }
      long j1 = pseudoRandom & 0xFFFFFFFFL;
      long x = (j1 * j1) >>> 32;
      long y = (area * x) >>> 32;
      long relative = area - 1 - y;
      int startPosition = 0;
      if (pass != 0 && slice != SYNC_POINTS - 1) {
        startPosition = (slice + 1) * segmentLength;
      }
      return (int) ((startPosition + relative) % laneLength);
    }

    private void nextAddresses(long[] input, long[] address) {
      input[6]++;
      long[] zero = arena.zero;
      compressInto(zero, 0, input, 0, address, 0, false);
      compressInto(zero, 0, address, 0, address, 0, false);
    }

    private void compress(int previous, int reference, int current, boolean xorInto) {
      compressInto(
          memory,
          previous * BLOCK_WORDS,
          memory,
          reference * BLOCK_WORDS,
          memory,
          current * BLOCK_WORDS,
          xorInto);
    }

    /**
     * G (§3.5): R = X ⊕ Y, Z = P applied to R's rows then columns, out = Z ⊕ R (⊕ out's old value
     * from the second pass on, version 1.3).
     */
    private void compressInto(
        long[] x, int xOff, long[] y, int yOff, long[] out, int outOff, boolean xorInto) {
      long[] r = arena.r;
      long[] z = arena.z;
      for (int w = 0; w < BLOCK_WORDS; w++) {
        long v = x[xOff + w] ^ y[yOff + w];
        r[w] = v;
        z[w] = v;
      }
      for (int row = 0; row < 8; row++) {
        int b = row * 16;
        permute(
            z, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11,
            b + 12, b + 13, b + 14, b + 15);
      }
      for (int col = 0; col < 8; col++) {
        int b = col * 2;
        permute(
            z, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80,
            b + 81, b + 96, b + 97, b + 112, b + 113);
      }
      if (xorInto) {
        for (int w = 0; w < BLOCK_WORDS; w++) {
          out[outOff + w] ^= z[w] ^ r[w];
        }
      } else {
        for (int w = 0; w < BLOCK_WORDS; w++) {
          out[outOff + w] = z[w] ^ r[w];
        }
      }
    }

    /** P: one BLAKE2b round without message, with BlaMka's multiplication (§3.6). */
    private static void permute(
        long[] v,
        int i0,
        int i1,
        int i2,
        int i3,
        int i4,
        int i5,
        int i6,
        int i7,
        int i8,
        int i9,
        int i10,
        int i11,
        int i12,
        int i13,
        int i14,
        int i15) {
      long v0 = v[i0], v1 = v[i1], v2 = v[i2], v3 = v[i3];
      long v4 = v[i4], v5 = v[i5], v6 = v[i6], v7 = v[i7];
      long v8 = v[i8], v9 = v[i9], v10 = v[i10], v11 = v[i11];
      long v12 = v[i12], v13 = v[i13], v14 = v[i14], v15 = v[i15];

      // GB(v0, v4, v8, v12)
      v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
      v12 = Long.rotateRight(v12 ^ v0, 32);
      v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
      v4 = Long.rotateRight(v4 ^ v8, 24);
      v0 = v0 + v4 + 2 * (v0 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
      v12 = Long.rotateRight(v12 ^ v0, 16);
      v8 = v8 + v12 + 2 * (v8 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
      v4 = Long.rotateRight(v4 ^ v8, 63);
      // GB(v1, v5, v9, v13)
      v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
      v13 = Long.rotateRight(v13 ^ v1, 32);
      v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
      v5 = Long.rotateRight(v5 ^ v9, 24);
      v1 = v1 + v5 + 2 * (v1 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
      v13 = Long.rotateRight(v13 ^ v1, 16);
      v9 = v9 + v13 + 2 * (v9 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
      v5 = Long.rotateRight(v5 ^ v9, 63);
      // GB(v2, v6, v10, v14)
      v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
      v14 = Long.rotateRight(v14 ^ v2, 32);
      v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
      v6 = Long.rotateRight(v6 ^ v10, 24);
      v2 = v2 + v6 + 2 * (v2 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
      v14 = Long.rotateRight(v14 ^ v2, 16);
      v10 = v10 + v14 + 2 * (v10 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
      v6 = Long.rotateRight(v6 ^ v10, 63);
      // GB(v3, v7, v11, v15)
      v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
      v15 = Long.rotateRight(v15 ^ v3, 32);
      v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
      v7 = Long.rotateRight(v7 ^ v11, 24);
      v3 = v3 + v7 + 2 * (v3 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
      v15 = Long.rotateRight(v15 ^ v3, 16);
      v11 = v11 + v15 + 2 * (v11 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
      v7 = Long.rotateRight(v7 ^ v11, 63);
      // GB(v0, v5, v10, v15)
      v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
      v15 = Long.rotateRight(v15 ^ v0, 32);
      v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
      v5 = Long.rotateRight(v5 ^ v10, 24);
      v0 = v0 + v5 + 2 * (v0 & 0xFFFFFFFFL) * (v5 & 0xFFFFFFFFL);
      v15 = Long.rotateRight(v15 ^ v0, 16);
      v10 = v10 + v15 + 2 * (v10 & 0xFFFFFFFFL) * (v15 & 0xFFFFFFFFL);
      v5 = Long.rotateRight(v5 ^ v10, 63);
      // GB(v1, v6, v11, v12)
      v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
      v12 = Long.rotateRight(v12 ^ v1, 32);
      v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
      v6 = Long.rotateRight(v6 ^ v11, 24);
      v1 = v1 + v6 + 2 * (v1 & 0xFFFFFFFFL) * (v6 & 0xFFFFFFFFL);
      v12 = Long.rotateRight(v12 ^ v1, 16);
      v11 = v11 + v12 + 2 * (v11 & 0xFFFFFFFFL) * (v12 & 0xFFFFFFFFL);
      v6 = Long.rotateRight(v6 ^ v11, 63);
      // GB(v2, v7, v8, v13)
      v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
      v13 = Long.rotateRight(v13 ^ v2, 32);
      v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
      v7 = Long.rotateRight(v7 ^ v8, 24);
      v2 = v2 + v7 + 2 * (v2 & 0xFFFFFFFFL) * (v7 & 0xFFFFFFFFL);
      v13 = Long.rotateRight(v13 ^ v2, 16);
      v8 = v8 + v13 + 2 * (v8 & 0xFFFFFFFFL) * (v13 & 0xFFFFFFFFL);
      v7 = Long.rotateRight(v7 ^ v8, 63);
      // GB(v3, v4, v9, v14)
      v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
      v14 = Long.rotateRight(v14 ^ v3, 32);
      v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
      v4 = Long.rotateRight(v4 ^ v9, 24);
      v3 = v3 + v4 + 2 * (v3 & 0xFFFFFFFFL) * (v4 & 0xFFFFFFFFL);
      v14 = Long.rotateRight(v14 ^ v3, 16);
      v9 = v9 + v14 + 2 * (v9 & 0xFFFFFFFFL) * (v14 & 0xFFFFFFFFL);
      v4 = Long.rotateRight(v4 ^ v9, 63);

      v[i0] = v0;
      v[i1] = v1;
      v[i2] = v2;
      v[i3] = v3;
      v[i4] = v4;
      v[i5] = v5;
      v[i6] = v6;
      v[i7] = v7;
      v[i8] = v8;
      v[i9] = v9;
      v[i10] = v10;
      v[i11] = v11;
      v[i12] = v12;
      v[i13] = v13;
      v[i14] = v14;
      v[i15] = v15;
    }
  }

  /** H' (§3.3): BLAKE2b stretched to any output length. */
  static byte[] variableHash(byte[] input, int length) {
    byte[] out = new byte[length];
    byte[] prefix = new byte[4];
    putInt(prefix, 0, length);
    if (length <= 64) {
      Blake2bDigest digest = new Blake2bDigest(length * 8);
      digest.update(prefix, 0, 4);
      digest.update(input, 0, input.length);
      digest.doFinal(out, 0);
      return out;
    }
    int r = (length + 31) / 32 - 2;
    byte[] v = new byte[64];
    Blake2bDigest digest = new Blake2bDigest(512);
    digest.update(prefix, 0, 4);
    digest.update(input, 0, input.length);
    digest.doFinal(v, 0);
    System.arraycopy(v, 0, out, 0, 32);
    for (int i = 1; i < r; i++) {
      digest.update(v, 0, 64);
      digest.doFinal(v, 0); // Blake2bDigest resets itself after doFinal
      System.arraycopy(v, 0, out, i * 32, 32);
    }
    int lastLength = length - 32 * r;
    Blake2bDigest lastDigest = new Blake2bDigest(lastLength * 8);
    lastDigest.update(v, 0, 64);
    byte[] last = new byte[lastLength];
    lastDigest.doFinal(last, 0);
    System.arraycopy(last, 0, out, r * 32, lastLength);
    return out;
  }

  private static void int32(Blake2bDigest digest, int value) {
    byte[] bytes = new byte[4];
    putInt(bytes, 0, value);
    digest.update(bytes, 0, 4);
  }

  private static void lengthPrefixed(Blake2bDigest digest, byte[] value) {
    int32(digest, value.length);
    digest.update(value, 0, value.length);
  }

  private static void putInt(byte[] target, int offset, int value) {
    target[offset] = (byte) value;
    target[offset + 1] = (byte) (value >>> 8);
    target[offset + 2] = (byte) (value >>> 16);
    target[offset + 3] = (byte) (value >>> 24);
  }

  private static long getLong(byte[] source, int offset) {
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (source[offset + i] & 0xFFL);
    }
    return value;
  }

  private static byte[] toBytes(long[] words) {
    byte[] out = new byte[words.length * 8];
    for (int w = 0; w < words.length; w++) {
      long value = words[w];
      for (int i = 0; i < 8; i++) {
        out[w * 8 + i] = (byte) (value >>> (8 * i));
      }
    }
    return out;
  }
}

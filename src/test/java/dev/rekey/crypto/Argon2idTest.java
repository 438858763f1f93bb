package dev.rekey.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

class Argon2idTest {

  private final Argon2id standard = Argon2id.standard();

  /** RFC 9106 §5.3: Argon2id, m = 32 KiB, t = 3, p = 4, with secret and associated data. */
  @Test
  void rfc9106TestVector() {
    byte[] password = filled(32, 0x01);
    byte[] salt = filled(16, 0x02);
    byte[] secret = filled(8, 0x03);
    byte[] associatedData = filled(12, 0x04);
    byte[] tag = standard.derive(password, salt, secret, associatedData, 32, 3, 4, 32);
    assertThat(HexFormat.of().formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  @Test
  void hashesInThePhcFormatWithRekeysParameters() {
    String hash = standard.hash("Tulip-harbour-quietly-73");
    assertThat(hash)
        .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    assertThat(standard.matches("Tulip-harbour-quietly-73", hash)).isTrue();
    assertThat(standard.matches("Tulip-harbour-quietly-74", hash)).isFalse();
    assertThat(standard.hash("Tulip-harbour-quietly-73")).isNotEqualTo(hash); // fresh salt
  }

  /** Hashes stored before this class (Spring Security + BouncyCastle) verify, and vice versa. */
  @Test
  void agreesWithTheGenericImplementationBothWays() {
    Random random = new Random(20261130);
    int[][] parameters = {{19_456, 2, 1}, {64, 1, 1}, {256, 3, 2}, {1024, 2, 4}, {100, 1, 3}};
    for (int[] p : parameters) {
      Argon2PasswordEncoder generic = new Argon2PasswordEncoder(16, 32, p[2], p[0], p[1]);
      Argon2id ours = new Argon2id(p[0], p[1], p[2], 16, 32, 1);
      for (int i = 0; i < 3; i++) {
        String password = randomText(random);
        String theirs = generic.encode(password);
        assertThat(ours.matches(password, theirs)).as("%s %s", Arrays.toString(p), theirs).isTrue();
        assertThat(ours.matches(password + "!", theirs)).isFalse();
        String mine = ours.hash(password);
        assertThat(generic.matches(password, mine)).as("%s %s", Arrays.toString(p), mine).isTrue();
        assertThat(generic.matches(password + "!", mine)).isFalse();
      }
    }
  }

  /** The decoy behind burn() must cost what a real check costs: same parameters, a real hash. */
  @Test
  void theStandardDecoyIsARealHashWithTheStandardParameters() throws Exception {
    var field = Argon2id.class.getDeclaredField("STANDARD_DECOY");
    field.setAccessible(true);
    String decoy = (String) field.get(null);
    String real = standard.hash("anything");
    assertThat(decoy.substring(0, decoy.lastIndexOf('$') - 22))
        .isEqualTo(real.substring(0, real.lastIndexOf('$') - 22));
    assertThat(decoy.length()).isEqualTo(real.length());
    assertThat(standard.matches("anything", decoy)).isFalse();
    standard.burn("anything"); // and burning with another instance computes its own decoy
    new Argon2id(64, 1, 1, 16, 32, 1).burn("anything");
  }

  /** A stored hash with more memory than the instance keeps still verifies (a one-off array). */
  @Test
  void hashesWithBiggerParametersThanTheArenaStillVerify() {
    Argon2id small = new Argon2id(64, 1, 1, 16, 32, 1);
    String bigger = new Argon2PasswordEncoder(16, 32, 1, 512, 2).encode("older-parameters");
    assertThat(small.matches("older-parameters", bigger)).isTrue();
    assertThat(small.matches("older-parameters!", bigger)).isFalse();
    String own = small.hash("own");
    assertThat(small.matches("own", own)).isTrue(); // the kept arena still works afterwards
  }

  @Test
  void malformedOrForeignHashesNeverMatch() {
    String good = standard.hash("secret-value");
    String[] bad = {
      null,
      "",
      "plain",
      good.replace("argon2id", "argon2i"),
      good.replace("v=19", "v=16"),
      good.replace("m=19456", "m=-1"),
      good.replace("m=19456", "m=99999999999"),
      good.replace("t=2", "t=1000"),
      good.replace("p=1", "p=0"),
      good.replace("m=19456,t=2,p=1", "m=19456,t=2,p=1,x=3"),
      good.substring(0, good.lastIndexOf('$')) + "$***",
      good + "$extra",
      "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$" // salt too short, empty tag
    };
    for (String hash : bad) {
      assertThat(standard.matches("secret-value", hash)).as(hash).isFalse();
    }
  }

  @Test
  void moreHashesThanArenasWaitTheirTurnAndAllAgree() throws Exception {
    Argon2id two = new Argon2id(1024, 1, 1, 16, 32, 2);
    String hash = two.hash("shared");
    Thread[] threads = new Thread[8];
    boolean[] results = new boolean[threads.length];
    for (int i = 0; i < threads.length; i++) {
      int n = i;
      threads[i] =
          new Thread(() -> results[n] = two.matches(n % 2 == 0 ? "shared" : "other", hash));
      threads[i].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    for (int i = 0; i < results.length; i++) {
      assertThat(results[i]).isEqualTo(i % 2 == 0);
    }
  }

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static String randomText(Random random) {
    int length = 1 + random.nextInt(40);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.appendCodePoint(
          random.nextInt(4) == 0 ? 0x00C0 + random.nextInt(400) : 0x21 + random.nextInt(94));
    }
    return text.toString();
  }
}

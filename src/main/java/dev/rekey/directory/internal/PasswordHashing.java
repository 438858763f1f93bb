package dev.rekey.directory.internal;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's recommended minimum: m=19 MiB, t=2, p=1, 16-byte salt, 32-byte hash (OWASP
 * Password Storage Cheat Sheet; ASVS 5.0 §11.4.2). The parameters are stored in each PHC-format
 * hash, so raising them later keeps old hashes verifiable.
 */
@Component
class PasswordHashing {

  private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);

  /** A real hash of a random value: checking against it costs as much as a real check. */
  private final String decoy = encoder.encode("decoy-" + System.nanoTime());

  String hash(String password) {
    return encoder.encode(password);
  }

  boolean matches(String password, String hash) {
    return encoder.matches(password, hash);
  }

  /** Spends one hash's worth of time, so unknown users look like wrong passwords. */
  void burn(String password) {
    encoder.matches(password, decoy);
  }
}

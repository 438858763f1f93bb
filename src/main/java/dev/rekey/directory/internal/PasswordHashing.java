package dev.rekey.directory.internal;

import dev.rekey.crypto.Argon2id;
import org.springframework.stereotype.Component;

/**
 * Argon2id with OWASP's recommended minimum: m=19 MiB, t=2, p=1, 16-byte salt, 32-byte hash (OWASP
 * Password Storage Cheat Sheet; ASVS 5.0 §11.4.2). The parameters are stored in each PHC-format
 * hash, so raising them later keeps old hashes verifiable.
 */
@Component
class PasswordHashing {

  private final Argon2id argon2 = Argon2id.standard();

  String hash(String password) {
    return argon2.hash(password);
  }

  boolean matches(String password, String hash) {
    return argon2.matches(password, hash);
  }

  /** Spends one hash's worth of time, so unknown users look like wrong passwords. */
  void burn(String password) {
    argon2.burn(password);
  }
}

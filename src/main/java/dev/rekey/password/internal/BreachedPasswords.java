package dev.rekey.password.internal;

import dev.rekey.password.PasswordProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The optional offline breached-password check ({@code rekey.password.breached-file}). */
@Component
class BreachedPasswords {

  private static final Logger log = LoggerFactory.getLogger(BreachedPasswords.class);

  private final @Nullable BreachedFile file;

  BreachedPasswords(PasswordProperties properties) {
    Path path = properties.breachedFile();
    if (path != null && !(Files.isRegularFile(path) && Files.isReadable(path))) {
      // Fail at start-up, not at the first password change (STYLE.md: configuration).
      throw new IllegalStateException(
          "rekey.password.breached-file is not a readable file: " + path.toAbsolutePath());
    }
    this.file = path == null ? null : new BreachedFile(path);
  }

  boolean isEnabled() {
    return file != null;
  }

  /**
   * Whether the password is on the list. When the file cannot be read the check is skipped and
   * logged (without the password or its hash) rather than blocking every password change.
   */
  boolean isBreached(String password) {
    if (file == null) {
      return false;
    }
    try {
      return file.contains(password);
    } catch (IOException e) {
      log.error("Breached-password file {} cannot be read: {}", file.path(), e.toString());
      return false;
    }
  }
}

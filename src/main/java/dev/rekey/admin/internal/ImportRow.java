package dev.rekey.admin.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A CSV row that passed the file checks, ready to become an account. */
record ImportRow(
    int line,
    String userId,
    String displayName,
    @Nullable String firstName,
    @Nullable String lastName,
    @Nullable String email,
    List<String> groups) {

  ImportRow {
    groups = List.copyOf(groups);
  }
}

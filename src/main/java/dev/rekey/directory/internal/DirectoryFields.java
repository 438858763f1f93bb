package dev.rekey.directory.internal;

import dev.rekey.directory.DirectoryConnections.SettingsRejected;

/** The message keys of rejected settings: {@code directory.field.<field>.<code>}. */
final class DirectoryFields {

  private DirectoryFields() {}

  static String messageKey(SettingsRejected rejected) {
    return "directory.field." + rejected.field() + "." + rejected.code();
  }
}

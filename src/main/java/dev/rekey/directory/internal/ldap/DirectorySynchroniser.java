package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.DirectoryConnections.SyncReport;
import java.util.UUID;

/** Reads every user of a tenant's directory into Rekey's accounts (the lead's part). */
public interface DirectorySynchroniser {

  /**
   * @throws dev.rekey.directory.DirectoryUnavailable when no server answers
   * @throws IllegalStateException when the tenant has no connection switched on
   */
  SyncReport synchronise(UUID tenantId);
}

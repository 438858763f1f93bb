package dev.rekey.directory;

/**
 * No server of the tenant's LDAP / Active Directory connection answered in time (SPEC §5 check
 * 2.5). Nothing was changed anywhere; callers say "can't be reset right now" ({@code
 * directory_unavailable}) or, at sign-in, that signing in is not possible right now.
 */
public class DirectoryUnavailable extends RuntimeException {

  public DirectoryUnavailable(String message) {
    super(message);
  }

  public DirectoryUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}

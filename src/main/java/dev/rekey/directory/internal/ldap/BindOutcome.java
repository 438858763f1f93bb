package dev.rekey.directory.internal.ldap;

/** What the directory answered to a user's bind (sign-in). */
public enum BindOutcome {
  /** The password is right and the account may sign in. */
  OK,
  /** Wrong password or no such entry. */
  INVALID_CREDENTIALS,
  /** The password is right but the account is locked out (ppolicy accountLocked, AD 775). */
  LOCKED,
  /** The account is disabled (AD 533) or expired (AD 701). */
  DISABLED,
  /** The password is right but has expired (ppolicy passwordExpired, AD 532). */
  PASSWORD_EXPIRED,
  /** The password is right but must be changed first (ppolicy changeAfterReset, AD 773). */
  MUST_CHANGE
}

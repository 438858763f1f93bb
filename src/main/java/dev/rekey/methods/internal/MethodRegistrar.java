package dev.rekey.methods.internal;

import dev.rekey.methods.MethodType;

/**
 * One kind of method the security info page offers to add. Each method's package provides one; the
 * page shows those the policy makes available, as buttons posting to {@link #path()}.
 */
interface MethodRegistrar {

  MethodType type();

  /** Where the add button posts to (the first page of the registration ceremony). */
  String path();

  /** The message key of the button's text. */
  String labelKey();

  /** Position on the page: most secure first. */
  int order();
}

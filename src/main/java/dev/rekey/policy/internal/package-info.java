/** Storage, validation, API and admin page of the SSPR policy. */
@org.jspecify.annotations.NullMarked
package dev.rekey.policy.internal;

/** Storage, the security-info page and API, step-up. */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.internal;

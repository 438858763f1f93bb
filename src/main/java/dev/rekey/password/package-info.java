/**
 * The password policy of SPEC §7: length, optional character classes, banned and common passwords,
 * the offline breached-password list, history and a strength score, with localised reasons.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.password;

/** The rules of the password policy, the strength meter's API and the word lists. */
@org.jspecify.annotations.NullMarked
package dev.rekey.password.internal;

/** Key loading and the AES-GCM implementation. */
@org.jspecify.annotations.NullMarked
package dev.rekey.crypto.internal;

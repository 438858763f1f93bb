/** Encryption at rest: AES-256-GCM with a key identifier, keys supplied by the operator. */
@org.jspecify.annotations.NullMarked
package dev.rekey.crypto;

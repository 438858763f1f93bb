/**
 * Security keys and passkeys (WebAuthn Level 2 / FIDO2): options, credential JSON, verification.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.webauthn;

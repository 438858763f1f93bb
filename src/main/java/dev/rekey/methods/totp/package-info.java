/** Authenticator app (TOTP, RFC 6238): secrets, otpauth URIs, QR codes and code verification. */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.totp;

/** Delivery implementations by technology: SMTP, Twilio-compatible REST, the development outbox. */
@org.jspecify.annotations.NullMarked
package dev.rekey.delivery.internal;

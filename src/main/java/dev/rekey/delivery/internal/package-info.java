/** Delivery implementations by technology: SMTP, the development outbox, template rendering. */
@org.jspecify.annotations.NullMarked
package dev.rekey.delivery.internal;

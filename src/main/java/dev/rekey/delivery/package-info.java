/** Email (SMTP or outbox), SMS and voice gateways, and localised message templates. */
@org.jspecify.annotations.NullMarked
package dev.rekey.delivery;

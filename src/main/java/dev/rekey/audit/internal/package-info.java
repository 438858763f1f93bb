/** The audit module's storage, event listeners, API, CSV export and admin page. */
@org.jspecify.annotations.NullMarked
package dev.rekey.audit.internal;

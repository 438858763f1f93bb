/** Helpdesk request storage, notification mail and the admin API. */
@org.jspecify.annotations.NullMarked
package dev.rekey.helpdesk.internal;

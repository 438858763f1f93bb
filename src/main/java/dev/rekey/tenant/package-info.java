/** Organisations and their verified domains; a user ID is resolved to its tenant by domain. */
@org.jspecify.annotations.NullMarked
package dev.rekey.tenant;

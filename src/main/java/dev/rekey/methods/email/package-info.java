/** Alternate email addresses: syntax check, tenant-domain check and masking. */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods.email;

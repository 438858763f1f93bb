/** "Contact an administrator": helpdesk requests from the reset portal, and the mail about them. */
@org.jspecify.annotations.NullMarked
package dev.rekey.helpdesk;

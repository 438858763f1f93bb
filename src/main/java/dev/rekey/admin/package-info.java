/** The admin and helpdesk console's entry page; each module adds its own admin pages. */
@org.jspecify.annotations.NullMarked
package dev.rekey.admin;

/** Security filters, sign-in controllers and error rendering. */
@org.jspecify.annotations.NullMarked
package dev.rekey.web.internal;

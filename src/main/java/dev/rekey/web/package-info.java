/** The shared shell: security configuration, sign-in, error handling, languages and layout. */
@org.jspecify.annotations.NullMarked
package dev.rekey.web;

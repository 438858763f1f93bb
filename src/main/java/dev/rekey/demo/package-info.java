/** The demo tenant of the embedded default (SPEC §10) and the start-up message. */
@org.jspecify.annotations.NullMarked
package dev.rekey.demo;

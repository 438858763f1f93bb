/** Rekey: a self-service password reset service, one module per top-level package. */
@org.jspecify.annotations.NullMarked
package dev.rekey;

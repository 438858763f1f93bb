/** The embedded (JDBC) directory and its pages. */
@org.jspecify.annotations.NullMarked
package dev.rekey.directory.internal;

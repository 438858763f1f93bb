/** Accounts, groups with nesting, roles and password authority; the embedded directory. */
@org.jspecify.annotations.NullMarked
package dev.rekey.directory;

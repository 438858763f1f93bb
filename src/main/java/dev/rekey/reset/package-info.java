/**
 * The reset portal (SPEC §5–§7): who are you, the checks in order, verification with the registered
 * methods, a new password or an unlock. Flows live in the database so any node serves any step.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.reset;

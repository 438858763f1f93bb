/** Security info: the verification methods a user registered (SPEC §4). */
@org.jspecify.annotations.NullMarked
package dev.rekey.methods;

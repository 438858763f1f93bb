/** The SSPR policy of each tenant (SPEC §3) and, later, the password policy (SPEC §7). */
@org.jspecify.annotations.NullMarked
package dev.rekey.policy;

/** JDBC persistence of tenants. */
@org.jspecify.annotations.NullMarked
package dev.rekey.tenant.internal;

/**
 * The LDAP / Active Directory client of the directory module: connections with failover and TLS,
 * user search and bind, password writeback (RFC 3062 or unicodePwd), unlock, groups.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.directory.internal.ldap;

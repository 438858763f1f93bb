/**
 * Test data at scale (issue 7): a command-line mode that loads up to 10,000,000 accounts with
 * security info, groups and reset activity into the database, for measuring the admin search and
 * the reports. Active only when {@code rekey.seed.accounts} is set; see docs/BENCHMARKS.md.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.seed;

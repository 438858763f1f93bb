/**
 * Reports of SPEC §8: registration coverage and reset activity for 24 h / 7 d / 30 d, computed in
 * SQL from the security info and the audit trail, as JSON, CSV and an admin page with SVG charts.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.reports;

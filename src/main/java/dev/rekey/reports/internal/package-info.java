/** The reports module's queries, API, CSV export, SVG charts and admin page. */
@org.jspecify.annotations.NullMarked
package dev.rekey.reports.internal;

/**
 * The append-only audit trail of SPEC §8: events other modules publish, stored and queried per
 * tenant, with an API, CSV export and an admin page.
 */
@org.jspecify.annotations.NullMarked
package dev.rekey.audit;

package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes for the admin user search at 1,000,000 accounts (issue 7), written in Java because the
 * useful ones exist only on PostgreSQL: trigram (pg_trgm) GIN indexes, so "part of the user ID or
 * display name" ({@code LIKE '%text%'}) is an index lookup instead of a scan of every account, and
 * a partial index of the locked accounts. Both databases get an index of accounts by role. H2 (the
 * embedded default, small tenants) gets a plain index on the locked flag and searches as before.
 *
 * <p>When the database user may not create the {@code pg_trgm} extension, the migration logs that
 * and leaves the text search unindexed (correct, only slower); nothing else depends on it.
 */
public class V17__search_indexes extends BaseJavaMigration {

  private static final Logger log = LoggerFactory.getLogger(V17__search_indexes.class);

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    boolean postgres =
        connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
    try (Statement sql = connection.createStatement()) {
      // "Is this account an administrator?" in the search and the reports: the few helpdesk and
      // admin accounts by role, so the test is a lookup, not a scan of a million role rows.
      sql.execute("CREATE INDEX account_role_by_role ON account_role (role, account_id)");
      if (!postgres) {
        sql.execute("CREATE INDEX account_tenant_locked ON account (tenant_id, locked)");
        return;
      }
      sql.execute("CREATE INDEX account_tenant_locked ON account (tenant_id, upn) WHERE locked");
      Savepoint beforeExtension = connection.setSavepoint();
      try {
        sql.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
      } catch (SQLException e) {
        connection.rollback(beforeExtension);
        log.warn(
            "pg_trgm is not available ({}); the admin user search by text stays unindexed",
            e.getMessage());
        return;
      }
      sql.execute("CREATE INDEX account_upn_trgm ON account USING gin (upn gin_trgm_ops)");
      sql.execute(
          "CREATE INDEX account_display_name_trgm ON account"
              + " USING gin (LOWER(display_name) gin_trgm_ops)");
    }
  }
}

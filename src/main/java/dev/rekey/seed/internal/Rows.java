package dev.rekey.seed.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Batched inserts into one table: rows are collected and written as multi-row {@code INSERT ...
 * VALUES (...), (...)} statements (the same statement shape PostgreSQL's driver makes with {@code
 * reWriteBatchedInserts}, on any driver and on H2) when {@link #flush} is called, so the caller
 * decides the order in which tables are written (foreign keys).
 */
final class Rows implements AutoCloseable {

  /** A typed SQL NULL for a text column (PostgreSQL wants a type for every parameter). */
  static final Object NULL_TEXT = new Object();

  private static final int MAX_PARAMETERS = 30_000; // PostgreSQL allows 32,767 per statement

  private final Connection connection;
  private final String prefix;
  private final String row;
  private final int columns;
  private final int rowsPerStatement;
  private final List<Object> values = new ArrayList<>();
  private final java.util.Map<Integer, PreparedStatement> statements = new java.util.HashMap<>();
  private long written;

  /**
   * @param row one row's value list, such as {@code (?, ?, nextval('s'))}
   */
  Rows(Connection connection, String table, String columnList, String row) {
    this.connection = connection;
    this.prefix = "INSERT INTO " + table + " (" + columnList + ") VALUES ";
    this.row = row;
    this.columns = (int) row.chars().filter(c -> c == '?').count();
    this.rowsPerStatement = Math.max(1, MAX_PARAMETERS / columns);
  }

  void add(Object... row) throws SQLException {
    if (row.length != columns) {
      throw new IllegalArgumentException("expected " + columns + " values, got " + row.length);
    }
    for (Object value : row) {
      values.add(value);
    }
  }

  /** Writes the rows collected, in statements of at most 30,000 parameters. */
  void flush() throws SQLException {
    int pending = values.size() / columns;
    int offset = 0;
    while (pending > 0) {
      int rows = Math.min(pending, rowsPerStatement);
      PreparedStatement statement = statements.get(rows);
      if (statement == null) {
        if (statements.size() > 8) { // odd sizes: keep only a few prepared
          for (PreparedStatement old : statements.values()) {
            old.close();
          }
          statements.clear();
        }
        statement = connection.prepareStatement(sql(rows));
        statements.put(rows, statement);
      }
      execute(statement, offset, rows);
      offset += rows * columns;
      pending -= rows;
    }
    values.clear();
  }

  long written() {
    return written;
  }

  private void execute(PreparedStatement statement, int offset, int rows) throws SQLException {
    for (int i = 0; i < rows * columns; i++) {
      Object value = values.get(offset + i);
      int index = i + 1;
      if (value == NULL_TEXT) {
        statement.setNull(index, Types.VARCHAR);
      } else if (value instanceof byte[] bytes) {
        statement.setBytes(index, bytes);
      } else if (value instanceof String text) {
        statement.setString(index, text);
      } else if (value instanceof UUID || value instanceof java.time.OffsetDateTime) {
        statement.setObject(index, value);
      } else if (value instanceof Boolean flag) {
        statement.setBoolean(index, flag);
      } else if (value instanceof Integer number) {
        statement.setInt(index, number);
      } else {
        throw new IllegalArgumentException("unsupported value " + value);
      }
    }
    statement.executeUpdate();
    written += rows;
  }

  private String sql(int rows) {
    StringBuilder sql = new StringBuilder(prefix.length() + rows * (row.length() + 2));
    sql.append(prefix);
    for (int i = 0; i < rows; i++) {
      if (i > 0) {
        sql.append(", ");
      }
      sql.append(row);
    }
    return sql.toString();
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
  }
}

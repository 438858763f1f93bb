package dev.rekey.admin.internal;

/**
 * Why a row of an import was refused.
 *
 * @param line the line of the file where the row starts (the header is line 1)
 * @param field the column, or {@code row} for the row as a whole
 * @param code a message code, shown as {@code import.error.<code>} in the reader's language
 */
record RowError(int line, String field, String code) {}

package dev.rekey.admin.internal;

/** The uploaded file as a whole cannot be imported; {@link #code()} says why. */
final class CsvRejected extends RuntimeException {

  private final String code;

  CsvRejected(String code) {
    super(code);
    this.code = code;
  }

  String code() {
    return code;
  }
}

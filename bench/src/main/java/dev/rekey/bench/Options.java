package dev.rekey.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code --name=value} flags, each with an environment fallback {@code BENCH_NAME}. */
final class Options {

  private final Map<String, String> flags = new HashMap<>();

  Options(String[] args) {
    for (String a : args) {
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("expected --name=value, got " + a);
      }
      int eq = a.indexOf('=');
      flags.put(
          eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "true" : a.substring(eq + 1));
    }
  }

  String get(String name, String fallback) {
    String v = flags.get(name);
    if (v == null) {
      v = System.getenv("BENCH_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
    return v == null || v.isBlank() ? fallback : v;
  }

  double number(String name, double fallback) {
    return Double.parseDouble(get(name, String.valueOf(fallback)));
  }

  int integer(String name, int fallback) {
    return Integer.parseInt(get(name, String.valueOf(fallback)));
  }

  boolean bool(String name, boolean fallback) {
    return Boolean.parseBoolean(get(name, String.valueOf(fallback)));
  }

  List<String> list(String name, String fallback) {
    List<String> out = new ArrayList<>();
    for (String s : get(name, fallback).split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  List<Integer> ints(String name, String fallback) {
    return list(name, fallback).stream().map(Integer::parseInt).toList();
  }

  static List<String> words(String s) {
    return s.isBlank() ? List.of() : Arrays.asList(s.trim().split("\\s+"));
  }
}

package dev.rekey.password.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The index of each tenant's custom banned terms, built once per distinct list: building one for
 * 1,000 terms costs about a millisecond, more than checking a password against it.
 */
@Component
class CustomTerms {

  /** Enough for many tenants; a full cache is simply emptied (lists change rarely). */
  static final int MAX_CACHED = 256;

  private final Map<List<String>, TermIndex> cache = new ConcurrentHashMap<>();

  TermIndex index(List<String> terms) {
    if (terms.isEmpty()) {
      return TermIndex.EMPTY;
    }
    if (cache.size() >= MAX_CACHED) {
      cache.clear();
    }
    return cache.computeIfAbsent(List.copyOf(terms), TermIndex::of);
  }
}

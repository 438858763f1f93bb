package dev.rekey.audit;

import java.util.List;

/** One page of a query's results, newest first. */
public record AuditPage(List<AuditEvent> items, int page, int size, long totalItems) {

  public AuditPage {
    items = List.copyOf(items);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < totalItems;
  }
}

package dev.rekey.helpdesk;

import java.util.List;

/**
 * One page of a list (SPEC Appendix A: {@code {items, page, size, totalItems}}).
 *
 * @param page the page number, from 0
 */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

  public Page {
    items = List.copyOf(items);
  }
}

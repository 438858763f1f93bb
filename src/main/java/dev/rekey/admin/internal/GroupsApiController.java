package dev.rekey.admin.internal;

import dev.rekey.common.ApiProblem;
import dev.rekey.common.ClientAddress;
import dev.rekey.directory.Group;
import dev.rekey.directory.GroupSummary;
import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Groups of the admin's tenant (admin only): {@code GET}/{@code POST /api/v1/admin/groups}, {@code
 * POST /api/v1/admin/groups/{id}/members} with {@code {userId}} or {@code {groupId}} (nesting),
 * {@code DELETE /api/v1/admin/groups/{id}/members/{memberId}}.
 */
@RestController
class GroupsApiController {

  static final int MAX_SIZE = 500;

  record Item(UUID id, String name, long members, long groups) {
    static Item of(GroupSummary g) {
      return new Item(g.id(), g.name(), g.accounts(), g.groups());
    }
  }

  record Page(List<Item> items, int page, int size, long totalItems) {}

  record NewGroup(@Nullable String name) {}

  record NewMember(@Nullable String userId, @Nullable String groupId) {}

  private final Groups groups;
  private final GroupAdmin admin;
  private final ClientAddress clientAddress;

  GroupsApiController(Groups groups, GroupAdmin admin, ClientAddress clientAddress) {
    this.groups = groups;
    this.admin = admin;
    this.clientAddress = clientAddress;
  }

  @GetMapping("/api/v1/admin/groups")
  Page list(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size) {
    AdminRole.require(operator);
    int p = number(page, "page", 0, Integer.MAX_VALUE, 0);
    int s = number(size, "size", 1, MAX_SIZE, 50);
    List<GroupSummary> all = groups.summaries(operator.tenantId());
    long from = Math.min((long) p * s, all.size());
    List<Item> items =
        all.subList((int) from, (int) Math.min(from + s, all.size())).stream()
            .map(Item::of)
            .toList();
    return new Page(items, p, s, all.size());
  }

  @PostMapping("/api/v1/admin/groups")
  ResponseEntity<Item> create(
      @AuthenticationPrincipal SignedInUser operator,
      @RequestBody NewGroup body,
      HttpServletRequest request) {
    AdminRole.require(operator);
    Group group = admin.create(operator, body.name(), clientAddress.origin(request));
    return ResponseEntity.created(URI.create("/api/v1/admin/groups/" + group.id()))
        .body(new Item(group.id(), group.name(), 0, 0));
  }

  @PostMapping("/api/v1/admin/groups/{id}/members")
  ResponseEntity<Void> addMember(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      @RequestBody NewMember body,
      HttpServletRequest request) {
    AdminRole.require(operator);
    Group group = admin.require(operator, id);
    if (body.groupId() != null && body.userId() == null) {
      admin.nest(operator, group, body.groupId(), clientAddress.origin(request));
    } else {
      admin.addMember(operator, group, body.userId(), clientAddress.origin(request));
    }
    return ResponseEntity.noContent().build();
  }

  @DeleteMapping("/api/v1/admin/groups/{id}/members/{memberId}")
  ResponseEntity<Void> removeMember(
      @AuthenticationPrincipal SignedInUser operator,
      @PathVariable String id,
      @PathVariable String memberId,
      HttpServletRequest request) {
    AdminRole.require(operator);
    Group group = admin.require(operator, id);
    admin.removeMember(operator, group, memberId, clientAddress.origin(request));
    return ResponseEntity.noContent().build();
  }

  private static int number(@Nullable String value, String field, int min, int max, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException notANumber) {
      // answered below
    }
    throw ApiProblem.invalidField(field, "groups.error." + field);
  }
}

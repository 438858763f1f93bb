package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.SignedInUser;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An admin creates groups and changes their members; every change is audited. */
@Service
class GroupAdmin {

  private final Groups groups;
  private final TenantAccounts accounts;
  private final ApplicationEventPublisher events;

  GroupAdmin(Groups groups, TenantAccounts accounts, ApplicationEventPublisher events) {
    this.groups = groups;
    this.accounts = accounts;
    this.events = events;
  }

  /**
   * @throws ApiProblem 404 {@code not_found} for a group of another tenant or none
   */
  Group require(SignedInUser operator, String groupId) {
    return parse(groupId)
        .flatMap(groups::findById)
        .filter(g -> g.tenantId().equals(operator.tenantId()))
        .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "not_found"));
  }

  /**
   * @throws ApiProblem 404 {@code not_found} for an account of another tenant or none
   */
  Account account(SignedInUser operator, String userId) {
    return accounts.require(operator, userId);
  }

  @Transactional
  Group create(SignedInUser operator, @Nullable String name, RequestOrigin origin) {
    AdminRole.require(operator);
    if (name == null || name.isBlank()) {
      throw ApiProblem.invalidField("name", "groups.error.name.required");
    }
    Group group;
    try {
      group = groups.create(operator.tenantId(), name);
    } catch (AccountRejected rejected) {
      throw ApiProblem.invalidField("name", "groups.error." + rejected.code());
    }
    audit(operator, null, AuditActivity.ADD_GROUP, group, origin, Map.of());
    return group;
  }

  /** Adds an account (by user ID or account id) as a direct member. */
  @Transactional
  Account addMember(
      SignedInUser operator, Group group, @Nullable String userId, RequestOrigin origin) {
    AdminRole.require(operator);
    if (userId == null || userId.isBlank()) {
      throw ApiProblem.invalidField("userId", "groups.error.userId.required");
    }
    Account account;
    try {
      account = accounts.require(operator, userId);
    } catch (ApiProblem notFound) {
      throw ApiProblem.invalidField("userId", "groups.error.userId.unknown");
    }
    groups.addAccount(group.id(), account.id());
    audit(operator, account.id(), AuditActivity.ADD_MEMBER_TO_GROUP, group, origin, Map.of());
    return account;
  }

  /** Nests a group of the same tenant inside {@code group}; cycles are refused. */
  @Transactional
  Group nest(SignedInUser operator, Group group, @Nullable String childId, RequestOrigin origin) {
    AdminRole.require(operator);
    Group child;
    try {
      child = require(operator, childId == null ? "" : childId);
    } catch (ApiProblem notFound) {
      throw ApiProblem.invalidField("groupId", "groups.error.group_unknown");
    }
    try {
      groups.addGroup(group.id(), child.id());
    } catch (AccountRejected rejected) {
      throw ApiProblem.invalidField("groupId", "groups.error." + rejected.code());
    }
    audit(
        operator,
        null,
        AuditActivity.ADD_MEMBER_TO_GROUP,
        group,
        origin,
        Map.of("memberGroupId", child.id().toString(), "memberGroup", child.name()));
    return child;
  }

  /**
   * Removes a direct member: an account (by user ID or id) or a nested group (by id).
   *
   * @throws ApiProblem 404 {@code not_found} when it is not a direct member
   */
  @Transactional
  void removeMember(SignedInUser operator, Group group, String memberId, RequestOrigin origin) {
    AdminRole.require(operator);
    Optional<Group> nested =
        parse(memberId)
            .flatMap(groups::findById)
            .filter(g -> g.tenantId().equals(operator.tenantId()));
    if (nested.isPresent()) {
      if (!groups.removeGroup(group.id(), nested.get().id())) {
        throw new ApiProblem(HttpStatus.NOT_FOUND, "not_found");
      }
      audit(
          operator,
          null,
          AuditActivity.REMOVE_MEMBER_FROM_GROUP,
          group,
          origin,
          Map.of(
              "memberGroupId", nested.get().id().toString(), "memberGroup", nested.get().name()));
      return;
    }
    Account account = accounts.require(operator, memberId);
    if (!groups.removeAccount(group.id(), account.id())) {
      throw new ApiProblem(
          HttpStatus.NOT_FOUND,
          "not_found",
          "groups.error.member.unknown",
          new Object[0],
          Map.of("field", "userId"));
    }
    audit(operator, account.id(), AuditActivity.REMOVE_MEMBER_FROM_GROUP, group, origin, Map.of());
  }

  private void audit(
      SignedInUser operator,
      @Nullable UUID target,
      AuditActivity activity,
      Group group,
      RequestOrigin origin,
      Map<String, Object> extra) {
    Map<String, @Nullable Object> details = new java.util.LinkedHashMap<>();
    details.put("groupId", group.id().toString());
    details.put("group", group.name());
    details.putAll(extra);
    events.publishEvent(
        new Audited(
            operator.tenantId(),
            operator.accountId(),
            target,
            null,
            activity,
            AuditResult.SUCCEEDED,
            null,
            null,
            origin,
            null,
            details));
  }

  private static Optional<UUID> parse(String id) {
    try {
      return Optional.of(UUID.fromString(id.strip()));
    } catch (IllegalArgumentException notAnId) {
      return Optional.empty();
    }
  }
}

package dev.rekey.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Groups with nesting: a member of a nested group is a member of every group containing it. */
public interface Groups {

  Group create(UUID tenantId, String name);

  Optional<Group> findById(UUID groupId);

  Optional<Group> findByName(UUID tenantId, String name);

  List<Group> findAll(UUID tenantId);

  /** Every group of the tenant by name, with its direct member counts. */
  List<GroupSummary> summaries(UUID tenantId);

  void addAccount(UUID groupId, UUID accountId);

  /**
   * Removes a direct account member; membership through nested groups stays.
   *
   * @return whether the account was a direct member
   */
  boolean removeAccount(UUID groupId, UUID accountId);

  /**
   * Removes a nested group.
   *
   * @return whether it was nested directly inside the group
   */
  boolean removeGroup(UUID groupId, UUID childGroupId);

  /**
   * Nests {@code childGroupId} inside {@code groupId}.
   *
   * @throws AccountRejected when that would make a cycle or the groups are in different tenants
   */
  void addGroup(UUID groupId, UUID childGroupId);

  /** Whether the account is a member of the group directly or through nested groups. */
  boolean isMember(UUID accountId, UUID groupId);
}

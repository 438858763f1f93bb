package dev.rekey.directory.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.Group;
import dev.rekey.directory.GroupSummary;
import dev.rekey.directory.Groups;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class JdbcGroups implements Groups {

  /** Every group containing the account, directly or through nesting (recursive CTE, H2 and PG). */
  private static final String MEMBER_OF =
      "WITH RECURSIVE containing (group_id) AS ("
          + " SELECT group_id FROM group_member WHERE member_account_id = ?"
          + " UNION SELECT gm.group_id FROM group_member gm"
          + " JOIN containing c ON gm.member_group_id = c.group_id)"
          + " SELECT COUNT(*) FROM containing WHERE group_id = ?";

  /** Every group nested inside the given one, at any depth. */
  private static final String NESTED_IN =
      "WITH RECURSIVE nested (group_id) AS ("
          + " SELECT member_group_id FROM group_member WHERE group_id = ? AND member_group_id IS NOT NULL"
          + " UNION SELECT gm.member_group_id FROM group_member gm"
          + " JOIN nested n ON gm.group_id = n.group_id WHERE gm.member_group_id IS NOT NULL)"
          + " SELECT COUNT(*) FROM nested WHERE group_id = ?";

  private final JdbcClient jdbc;
  private final Clock clock;

  JdbcGroups(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Group create(UUID tenantId, String name) {
    String trimmed = name.strip();
    if (trimmed.isEmpty() || trimmed.length() > 256) {
      throw new AccountRejected("group_name_invalid", "Group name must be 1-256 characters");
    }
    if (findByName(tenantId, trimmed).isPresent()) {
      throw new AccountRejected("group_name_taken", "Group already exists: " + trimmed);
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO account_group (id, tenant_id, name, created_at) VALUES (?, ?, ?, ?)")
        .params(id, tenantId, trimmed, SqlTime.of(clock.instant()))
        .update();
    return new Group(id, tenantId, trimmed);
  }

  @Override
  public Optional<Group> findById(UUID groupId) {
    return jdbc.sql("SELECT id, tenant_id, name FROM account_group WHERE id = ?")
        .param(groupId)
        .query(Group.class)
        .optional();
  }

  @Override
  public Optional<Group> findByName(UUID tenantId, String name) {
    return jdbc.sql(
            "SELECT id, tenant_id, name FROM account_group WHERE tenant_id = ? AND name = ?")
        .params(tenantId, name.strip())
        .query(Group.class)
        .optional();
  }

  @Override
  public List<Group> findAll(UUID tenantId) {
    return jdbc.sql(
            "SELECT id, tenant_id, name FROM account_group WHERE tenant_id = ? ORDER BY name")
        .param(tenantId)
        .query(Group.class)
        .list();
  }

  @Override
  public List<GroupSummary> summaries(UUID tenantId) {
    return jdbc.sql(
            "SELECT g.id, g.name,"
                + " (SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id"
                + " AND m.member_account_id IS NOT NULL) AS accounts,"
                + " (SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id"
                + " AND m.member_group_id IS NOT NULL) AS nested_groups"
                + " FROM account_group g WHERE g.tenant_id = ? ORDER BY g.name")
        .param(tenantId)
        .query(
            (rs, n) ->
                new GroupSummary(
                    rs.getObject("id", UUID.class),
                    rs.getString("name"),
                    rs.getLong("accounts"),
                    rs.getLong("nested_groups")))
        .list();
  }

  @Override
  public boolean removeAccount(UUID groupId, UUID accountId) {
    return jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND member_account_id = ?")
            .params(groupId, accountId)
            .update()
        > 0;
  }

  @Override
  public boolean removeGroup(UUID groupId, UUID childGroupId) {
    return jdbc.sql("DELETE FROM group_member WHERE group_id = ? AND member_group_id = ?")
            .params(groupId, childGroupId)
            .update()
        > 0;
  }

  @Override
  public void addAccount(UUID groupId, UUID accountId) {
    if (!isDirectMember(groupId, accountId)) {
      jdbc.sql("INSERT INTO group_member (group_id, member_account_id) VALUES (?, ?)")
          .params(groupId, accountId)
          .update();
    }
  }

  @Override
  @Transactional
  public void addGroup(UUID groupId, UUID childGroupId) {
    Group parent = findById(groupId).orElseThrow(() -> unknown());
    Group child = findById(childGroupId).orElseThrow(() -> unknown());
    if (!parent.tenantId().equals(child.tenantId())) {
      throw new AccountRejected("group_tenant", "Groups belong to different tenants");
    }
    boolean cycle =
        groupId.equals(childGroupId)
            || jdbc.sql(NESTED_IN).params(childGroupId, groupId).query(Long.class).single() > 0;
    if (cycle) {
      throw new AccountRejected("group_cycle", "Nesting would make a cycle");
    }
    jdbc.sql("INSERT INTO group_member (group_id, member_group_id) VALUES (?, ?)")
        .params(groupId, childGroupId)
        .update();
  }

  @Override
  public boolean isMember(UUID accountId, UUID groupId) {
    return jdbc.sql(MEMBER_OF).params(accountId, groupId).query(Long.class).single() > 0;
  }

  private boolean isDirectMember(UUID groupId, UUID accountId) {
    return jdbc.sql(
                "SELECT COUNT(*) FROM group_member WHERE group_id = ? AND member_account_id = ?")
            .params(groupId, accountId)
            .query(Long.class)
            .single()
        > 0;
  }

  private static AccountRejected unknown() {
    return new AccountRejected("group_unknown", "Unknown group");
  }
}

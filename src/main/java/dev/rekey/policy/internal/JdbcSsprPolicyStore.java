package dev.rekey.policy.internal;

import dev.rekey.common.SqlTime;
import dev.rekey.policy.AuthMethodType;
import dev.rekey.policy.CustomQuestion;
import dev.rekey.policy.EnabledFor;
import dev.rekey.policy.SsprPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sspr_policy} table: one row per tenant, lists as JSON text. */
@Repository
class JdbcSsprPolicyStore {

  /** A stored policy and the version to quote when changing it. */
  record Stored(SsprPolicy policy, long version) {}

  private static final String COLUMNS =
      "enabled_for, selected_group_id, methods_available, methods_required_to_reset,"
          + " questions_required_to_register, questions_required_to_reset,"
          + " predefined_question_ids, custom_questions, require_registration_at_sign_in,"
          + " reconfirm_days, notify_users_on_reset, notify_admins_on_admin_reset, helpdesk_link,"
          + " writeback_enabled, allow_unlock_without_reset, uniform_responses,"
          + " custom_banned_passwords, password_min_length, require_character_classes";

  private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
  private static final TypeReference<List<CustomQuestion>> QUESTIONS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  JdbcSsprPolicyStore(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  Optional<Stored> find(UUID tenantId) {
    return jdbc.sql("SELECT " + COLUMNS + ", version FROM sspr_policy WHERE tenant_id = ?")
        .param(tenantId)
        .query((rs, row) -> new Stored(map(rs), rs.getLong("version")))
        .optional();
  }

  void insert(UUID tenantId, SsprPolicy policy, @Nullable UUID actorId) {
    List<Object> params = new ArrayList<>(values(policy));
    params.add(0, tenantId);
    params.add(SqlTime.of(clock.instant()));
    params.add(actorId);
    jdbc.sql(
            "INSERT INTO sspr_policy (tenant_id, "
                + COLUMNS
                + ", version, updated_at, updated_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)")
        .params(params)
        .update();
  }

  /** Replaces the policy if nobody changed it since {@code version} was read. */
  void update(UUID tenantId, SsprPolicy policy, long version, UUID actorId) {
    List<Object> params = new ArrayList<>(values(policy));
    params.add(SqlTime.of(clock.instant()));
    params.add(actorId);
    params.add(tenantId);
    params.add(version);
    String assignments = String.join(" = ?, ", COLUMNS.split(",\\s*")) + " = ?";
    int rows =
        jdbc.sql(
                "UPDATE sspr_policy SET "
                    + assignments
                    + ", version = version + 1, updated_at = ?, updated_by = ?"
                    + " WHERE tenant_id = ? AND version = ?")
            .params(params)
            .update();
    if (rows != 1) {
      throw new OptimisticLockingFailureException("SSPR policy changed concurrently");
    }
  }

  private List<Object> values(SsprPolicy p) {
    List<Object> values = new ArrayList<>();
    values.add(p.enabledFor().code());
    values.add(p.selectedGroup());
    values.add(
        json.writeValueAsString(p.methodsAvailable().stream().map(AuthMethodType::code).toList()));
    values.add(p.methodsRequiredToReset());
    values.add(p.questionsRequiredToRegister());
    values.add(p.questionsRequiredToReset());
    values.add(json.writeValueAsString(p.predefinedQuestionIds()));
    values.add(json.writeValueAsString(p.customQuestions()));
    values.add(p.requireRegistrationAtSignIn());
    values.add(p.reconfirmDays());
    values.add(p.notifyUsersOnReset());
    values.add(p.notifyAdminsOnAdminReset());
    values.add(p.helpdeskLink());
    values.add(p.writebackEnabled());
    values.add(p.allowUnlockWithoutReset());
    values.add(p.uniformResponses());
    values.add(json.writeValueAsString(p.customBannedPasswords()));
    values.add(p.passwordMinLength());
    values.add(p.requireCharacterClasses());
    return values;
  }

  private SsprPolicy map(ResultSet rs) throws SQLException {
    return new SsprPolicy(
        EnabledFor.fromCode(rs.getString("enabled_for")).orElse(EnabledFor.NONE),
        rs.getObject("selected_group_id", UUID.class),
        json.readValue(rs.getString("methods_available"), STRINGS).stream()
            .flatMap(code -> AuthMethodType.fromCode(code).stream())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(AuthMethodType.class))),
        rs.getInt("methods_required_to_reset"),
        rs.getInt("questions_required_to_register"),
        rs.getInt("questions_required_to_reset"),
        json.readValue(rs.getString("predefined_question_ids"), STRINGS),
        json.readValue(rs.getString("custom_questions"), QUESTIONS),
        rs.getBoolean("require_registration_at_sign_in"),
        rs.getInt("reconfirm_days"),
        rs.getBoolean("notify_users_on_reset"),
        rs.getBoolean("notify_admins_on_admin_reset"),
        rs.getString("helpdesk_link"),
        rs.getBoolean("writeback_enabled"),
        rs.getBoolean("allow_unlock_without_reset"),
        rs.getBoolean("uniform_responses"),
        json.readValue(rs.getString("custom_banned_passwords"), STRINGS),
        rs.getInt("password_min_length"),
        rs.getBoolean("require_character_classes"));
  }
}

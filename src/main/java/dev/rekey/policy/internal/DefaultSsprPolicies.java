package dev.rekey.policy.internal;

import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.Groups;
import dev.rekey.policy.PolicyRejected;
import dev.rekey.policy.PolicyViolation;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.policy.SsprPolicyChanged;
import dev.rekey.policy.SsprPolicyChanges;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class DefaultSsprPolicies implements SsprPolicies {

  /** The policy document's field names in order, so violations are reported in that order. */
  private static final List<String> FIELD_ORDER =
      Arrays.stream(PolicyDocument.class.getRecordComponents())
          .map(RecordComponent::getName)
          .toList();

  private final JdbcSsprPolicyStore store;
  private final SsprPolicyValidator validator;
  private final Groups groups;
  private final ApplicationEventPublisher events;
  private final JsonMapper json;

  DefaultSsprPolicies(
      JdbcSsprPolicyStore store,
      SsprPolicyValidator validator,
      Groups groups,
      ApplicationEventPublisher events,
      JsonMapper json) {
    this.store = store;
    this.validator = validator;
    this.groups = groups;
    this.events = events;
    this.json = json;
  }

  @Override
  @Transactional(readOnly = true)
  public SsprPolicy get(UUID tenantId) {
    return store
        .find(tenantId)
        .map(JdbcSsprPolicyStore.Stored::policy)
        .orElseGet(SsprPolicy::defaults);
  }

  @Override
  @Transactional
  public SsprPolicy update(
      UUID tenantId, SsprPolicyChanges changes, UUID actorId, RequestOrigin origin) {
    var stored = store.find(tenantId);
    SsprPolicy before =
        stored.map(JdbcSsprPolicyStore.Stored::policy).orElseGet(SsprPolicy::defaults);
    List<PolicyViolation> violations = new ArrayList<>();
    SsprPolicy after = merge(tenantId, before, changes, violations);
    if (!violations.isEmpty()) {
      throw new PolicyRejected(violations);
    }
    List<Map<String, @Nullable Object>> difference = PolicyDocument.difference(before, after, json);
    if (difference.get(0).isEmpty()) {
      return before;
    }
    if (stored.isPresent()) {
      store.update(tenantId, after, stored.get().version(), actorId);
    } else {
      store.insert(tenantId, after, actorId);
    }
    events.publishEvent(
        new SsprPolicyChanged(tenantId, actorId, difference.get(0), difference.get(1), origin));
    return after;
  }

  @Override
  @Transactional(readOnly = true)
  public List<PolicyViolation> check(UUID tenantId, SsprPolicyChanges changes) {
    List<PolicyViolation> violations = new ArrayList<>();
    merge(tenantId, get(tenantId), changes, violations);
    return violations;
  }

  @Override
  public boolean isEnabledFor(Account account) {
    return isEnabledFor(account.tenantId(), account.id());
  }

  @Override
  @Transactional(readOnly = true)
  public boolean isEnabledFor(UUID tenantId, UUID accountId) {
    SsprPolicy policy = get(tenantId);
    return switch (policy.enabledFor()) {
      case ALL -> true;
      case NONE -> false;
      case SELECTED ->
          policy.selectedGroup() != null && groups.isMember(accountId, policy.selectedGroup());
    };
  }

  /**
   * The merged policy; its violations, in document order, one source per field, go to {@code out}.
   */
  private SsprPolicy merge(
      UUID tenantId, SsprPolicy current, SsprPolicyChanges changes, List<PolicyViolation> out) {
    List<PolicyViolation> unmergeable = new ArrayList<>();
    SsprPolicy merged =
        PolicyMerge.apply(current, changes, () -> UUID.randomUUID().toString(), unmergeable);
    Set<String> named =
        unmergeable.stream().map(PolicyViolation::field).collect(Collectors.toSet());
    out.addAll(unmergeable);
    validator.validate(tenantId, merged).stream()
        .filter(v -> !named.contains(v.field()))
        .forEach(out::add);
    out.sort(Comparator.comparingInt(v -> FIELD_ORDER.indexOf(v.field())));
    return merged;
  }
}

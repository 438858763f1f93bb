package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditEvent;
import dev.rekey.audit.AuditLog;
import dev.rekey.audit.AuditPage;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.NewAuditEvent;
import dev.rekey.common.RequestOrigin;
import dev.rekey.support.RekeyTest;
import dev.rekey.support.TestClock;
import dev.rekey.tenant.Tenants;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@RekeyTest
class JdbcAuditLogTest {

  @Autowired AuditLog log;
  @Autowired Tenants tenants;
  @Autowired TestClock clock;

  UUID tenant;

  @BeforeEach
  void freshTenant() {
    String domain = "t" + UUID.randomUUID().toString().substring(0, 8) + ".example";
    tenant = tenants.create("Audit test", List.of(domain)).id();
    // A whole second a minute ahead, so instants taken here equal what the database stores.
    clock.set(clock.instant().truncatedTo(ChronoUnit.SECONDS).plus(Duration.ofMinutes(1)));
  }

  private AuditEvent record(
      AuditActivity activity, AuditResult result, String actor, @Nullable String target) {
    return log.record(
        new NewAuditEvent(
            tenant,
            null,
            actor,
            null,
            target,
            activity,
            result,
            null,
            null,
            new RequestOrigin("192.0.2.1", "JUnit"),
            null,
            Map.of()));
  }

  private AuditQuery query(
      @Nullable AuditActivity activity,
      @Nullable AuditResult result,
      @Nullable String userId,
      @Nullable Instant from,
      @Nullable Instant to) {
    return new AuditQuery(tenant, activity, result, userId, from, to, 0, 50);
  }

  @Test
  void recordThenFindReturnsEveryField() {
    UUID actor = UUID.randomUUID();
    UUID target = UUID.randomUUID();
    Map<String, @Nullable Object> before = new HashMap<>();
    before.put("helpdeskLink", null);
    before.put("methodsRequiredToReset", 1);
    AuditEvent stored =
        log.record(
            new NewAuditEvent(
                tenant,
                actor,
                "admin@x.example",
                target,
                "alain@x.example",
                AuditActivity.RESET_PASSWORD_BY_ADMIN,
                AuditResult.SUCCEEDED,
                "email",
                "because",
                new RequestOrigin("2001:db8::1", "Mozilla/5.0"),
                "flow-1",
                Map.of("before", before, "list", List.of("a", "b"))));

    AuditEvent found = log.find(AuditQuery.all(tenant)).items().get(0);

    assertThat(found).isEqualTo(stored);
    assertThat(found.activity()).isEqualTo("Reset password (by admin)");
    assertThat(found.result()).isEqualTo("Succeeded");
    assertThat(found.occurredAt()).isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS));
    assertThat(found.details()).containsKeys("before", "list");
    @SuppressWarnings("unchecked")
    Map<String, Object> foundBefore = (Map<String, Object>) found.details().get("before");
    assertThat(foundBefore)
        .containsEntry("helpdeskLink", null)
        .containsEntry("methodsRequiredToReset", 1);
  }

  @Test
  void recordWhenLabelsTooLongThenCutNotRejected() {
    String typed = "x".repeat(400) + "@probe.example";
    AuditEvent stored =
        record(AuditActivity.SSPR_FLOW_PROGRESS, AuditResult.FAILED, "anonymous", typed);
    assertThat(stored.targetLabel()).hasSize(320);
    assertThat(log.find(AuditQuery.all(tenant)).items().get(0).targetLabel()).hasSize(320);
  }

  @Test
  void findListsNewestFirstAndKeepsInsertionOrderWithinTheSameInstant() {
    AuditEvent first = record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "a", "a");
    clock.advance(Duration.ofSeconds(1));
    AuditEvent second = record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "b", "b");
    AuditEvent third = record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "c", "c");
    AuditEvent fourth = record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "d", "d");

    assertThat(log.find(AuditQuery.all(tenant)).items())
        .extracting(AuditEvent::id)
        .containsExactly(fourth.id(), third.id(), second.id(), first.id());
  }

  @Test
  void findFiltersByActivityResultUserAndPeriod() {
    Instant t0 = clock.instant();
    AuditEvent signIn =
        record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "Alain@X", "alain@x");
    clock.advance(Duration.ofHours(1));
    Instant t1 = clock.instant();
    AuditEvent failed =
        record(AuditActivity.SIGN_IN_FAILED, AuditResult.FAILED, "anonymous", "Adele@X");
    AuditEvent blocked =
        record(AuditActivity.SIGN_IN_FAILED, AuditResult.BLOCKED, "anonymous", "adele@x");
    clock.advance(Duration.ofHours(1));
    Instant t2 = clock.instant();
    AuditEvent reset =
        record(AuditActivity.RESET_PASSWORD_BY_ADMIN, AuditResult.SUCCEEDED, "admin@x", "alain@x");

    assertThat(ids(query(AuditActivity.SIGN_IN_FAILED, null, null, null, null)))
        .containsExactly(blocked.id(), failed.id());
    assertThat(ids(query(null, AuditResult.SUCCEEDED, null, null, null)))
        .containsExactly(reset.id(), signIn.id());
    assertThat(ids(query(AuditActivity.SIGN_IN_FAILED, AuditResult.BLOCKED, null, null, null)))
        .containsExactly(blocked.id());
    // The user filter matches target or actor, ignoring case.
    assertThat(ids(query(null, null, "ADELE@x", null, null)))
        .containsExactly(blocked.id(), failed.id());
    assertThat(ids(query(null, null, "alain@x", null, null)))
        .containsExactly(reset.id(), signIn.id());
    assertThat(ids(query(null, null, " admin@X ", null, null))).containsExactly(reset.id());
    assertThat(ids(query(null, null, "nobody@x", null, null))).isEmpty();
    // From is inclusive, to exclusive.
    assertThat(ids(query(null, null, null, t1, null)))
        .containsExactly(reset.id(), blocked.id(), failed.id());
    assertThat(ids(query(null, null, null, t0, t1))).containsExactly(signIn.id());
    assertThat(ids(query(null, null, null, t1, t2))).containsExactly(blocked.id(), failed.id());
    assertThat(ids(query(null, null, null, t2.plusSeconds(1), null))).isEmpty();
  }

  @Test
  void findPagesAndCountsEverything() {
    List<UUID> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newestFirst.add(
          0, record(AuditActivity.SIGNED_OUT, AuditResult.SUCCEEDED, "u" + i, null).id());
      clock.advance(Duration.ofMillis(10));
    }
    AuditPage first = log.find(new AuditQuery(tenant, null, null, null, null, null, 0, 2));
    AuditPage second = log.find(new AuditQuery(tenant, null, null, null, null, null, 1, 2));
    AuditPage third = log.find(new AuditQuery(tenant, null, null, null, null, null, 2, 2));
    AuditPage beyond = log.find(new AuditQuery(tenant, null, null, null, null, null, 9, 2));

    assertThat(first.totalItems()).isEqualTo(5);
    assertThat(first.items())
        .extracting(AuditEvent::id)
        .containsExactlyElementsOf(newestFirst.subList(0, 2));
    assertThat(second.items())
        .extracting(AuditEvent::id)
        .containsExactlyElementsOf(newestFirst.subList(2, 4));
    assertThat(third.items()).extracting(AuditEvent::id).containsExactly(newestFirst.get(4));
    assertThat(first.hasNext()).isTrue();
    assertThat(third.hasNext()).isFalse();
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.totalItems()).isEqualTo(5);
  }

  @Test
  void findNeverShowsAnotherTenantsEvents() {
    record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "mine", "mine");
    UUID mine = tenant;
    freshTenant();
    record(AuditActivity.SIGNED_IN, AuditResult.SUCCEEDED, "theirs", "theirs");

    assertThat(log.find(AuditQuery.all(mine)).items())
        .extracting(AuditEvent::actorLabel)
        .containsExactly("mine");
    assertThat(log.find(AuditQuery.all(tenant)).items())
        .extracting(AuditEvent::actorLabel)
        .containsExactly("theirs");
  }

  @Test
  void forEachStreamsNewestFirstUpToTheLimit() {
    for (int i = 0; i < 4; i++) {
      record(AuditActivity.CONTACTED_ADMIN, AuditResult.CONTACTED_ADMIN, "u" + i, null);
    }
    List<String> seen = new ArrayList<>();
    int count = log.forEach(AuditQuery.all(tenant), 3, e -> seen.add(e.actorLabel()));
    assertThat(count).isEqualTo(3);
    assertThat(seen).containsExactly("u3", "u2", "u1");
  }

  /** Append-only by construction: the API has no way to change or remove an event. */
  @Test
  void auditLogOffersNoUpdateOrDelete() {
    assertThat(Arrays.stream(AuditLog.class.getMethods()).map(Method::getName))
        .containsExactlyInAnyOrder("record", "find", "forEach");
  }

  private List<UUID> ids(AuditQuery query) {
    return log.find(query).items().stream().map(AuditEvent::id).toList();
  }
}

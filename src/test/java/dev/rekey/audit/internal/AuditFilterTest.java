package dev.rekey.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditQuery;
import dev.rekey.audit.AuditResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditFilterTest {

  private static final UUID TENANT = UUID.randomUUID();

  private static AuditFilter.Parsed parse(
      String activity,
      String result,
      String userId,
      String from,
      String to,
      String page,
      String size) {
    return new AuditFilter(activity, result, userId, from, to, page, size, null)
        .parse(TENANT, ZoneOffset.UTC);
  }

  private static String firstField(AuditFilter.Parsed parsed) {
    assertThat(parsed.query()).isNull();
    return parsed.problems().get(0).field();
  }

  @Test
  void parseWhenEmptyThenEverythingWithDefaults() {
    AuditQuery query = AuditFilter.empty().parse(TENANT, ZoneOffset.UTC).query();
    assertThat(query).isEqualTo(AuditQuery.all(TENANT));
  }

  @Test
  void parseAcceptsEntraNamesAndConstantNamesIgnoringCase() {
    AuditQuery query =
        parse(
                "reset password (SELF-SERVICE)",
                "contacted admin",
                " Alain@Contoso.com ",
                "",
                "",
                "2",
                "10")
            .query();
    assertThat(query.activity()).isEqualTo(AuditActivity.RESET_PASSWORD_SELF_SERVICE);
    assertThat(query.result()).isEqualTo(AuditResult.CONTACTED_ADMIN);
    assertThat(query.userId()).isEqualTo("Alain@Contoso.com");
    assertThat(query.page()).isEqualTo(2);
    assertThat(query.size()).isEqualTo(10);
    assertThat(parse("SIGNED_IN", "blocked", null, null, null, null, null).query().activity())
        .isEqualTo(AuditActivity.SIGNED_IN);
  }

  @Test
  void parseDatesAsWholeDaysInTheZone() {
    AuditQuery query =
        new AuditFilter(null, null, null, "2026-11-05", "2026-11-05", null, null, null)
            .parse(TENANT, ZoneId.of("Europe/Amsterdam"))
            .query();
    assertThat(query.from()).isEqualTo(Instant.parse("2026-11-04T23:00:00Z"));
    assertThat(query.to()).isEqualTo(Instant.parse("2026-11-05T23:00:00Z"));
  }

  @Test
  void parseInstantsOffsetsAndLocalTimes() {
    assertThat(AuditFilter.instant("2026-11-05T09:30:00Z", ZoneOffset.UTC, false))
        .isEqualTo(Instant.parse("2026-11-05T09:30:00Z"));
    assertThat(AuditFilter.instant("2026-11-05T09:30:00+01:00", ZoneOffset.UTC, true))
        .isEqualTo(Instant.parse("2026-11-05T08:30:00Z"));
    assertThat(AuditFilter.instant("2026-11-05T09:30:00-05:00", ZoneOffset.UTC, true))
        .isEqualTo(Instant.parse("2026-11-05T14:30:00Z"));
    assertThat(AuditFilter.instant("2026-11-05T09:30", ZoneOffset.UTC, false))
        .isEqualTo(Instant.parse("2026-11-05T09:30:00Z"));
  }

  @Test
  void parseWhenDatesMalformedThenNamesTheField() {
    for (String bad :
        new String[] {
          "yesterday",
          "2026-13-01",
          "05-11-2026",
          "2026-11-05T25:00Z",
          "x".repeat(100),
          "2026-11-05T09:30:00+99:00"
        }) {
      assertThat(firstField(parse(null, null, null, bad, null, null, null))).isEqualTo("from");
      assertThat(firstField(parse(null, null, null, null, bad, null, null))).isEqualTo("to");
    }
  }

  @Test
  void parseWhenEndNotAfterStartThenRejectsTo() {
    AuditFilter.Parsed parsed = parse(null, null, null, "2026-11-05", "2026-11-04", null, null);
    assertThat(firstField(parsed)).isEqualTo("to");
    assertThat(parsed.problems().get(0).messageKey()).isEqualTo("audit.invalid.range");
  }

  @Test
  void parseWhenPageOrSizeOutOfRangeOrNotNumbersThenNamesTheField() {
    for (String bad : new String[] {"0", "501", "-1", "abc", "1.5", "99999999999", "+5"}) {
      assertThat(firstField(parse(null, null, null, null, null, null, bad))).isEqualTo("size");
    }
    for (String bad : new String[] {"-1", "abc", "1e3", "9999999999"}) {
      assertThat(firstField(parse(null, null, null, null, null, bad, null))).isEqualTo("page");
    }
    assertThat(parse(null, null, null, null, null, "0", "1").query().size()).isEqualTo(1);
    assertThat(parse(null, null, null, null, null, "0", "500").query().size()).isEqualTo(500);
  }

  @Test
  void parseWhenActivityResultOrUserIdUnknownThenReportsEveryField() {
    AuditFilter.Parsed parsed =
        parse("Hacked the planet", "Maybe", "a".repeat(321), null, null, null, null);
    assertThat(parsed.query()).isNull();
    assertThat(parsed.problems())
        .extracting(AuditFilter.Problem::field)
        .containsExactly("activity", "result", "userId");
  }
}

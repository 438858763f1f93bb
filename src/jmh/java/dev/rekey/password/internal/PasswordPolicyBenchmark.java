package dev.rekey.password.internal;

import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.password.PasswordProperties;
import dev.rekey.password.PasswordVerdict;
import dev.rekey.policy.SsprPolicies;
import dev.rekey.policy.SsprPolicy;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The password policy's check of a new password (SPEC §7), built by hand without Spring or a
 * database: {@link DefaultPasswordPolicy#check} with the shipped word lists, a tenant with custom
 * banned terms, no breached-password file, and a history look-up that answers "not recent" at once.
 * The real history look-up costs one Argon2id verification per stored hash (see {@code
 * Argon2Benchmark}); it is left out here so this measures the policy's own work. The parts are
 * measured on their own too: the banned-password algorithm and the zxcvbn strength score.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.Throughput, Mode.AverageTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PasswordPolicyBenchmark {

  /** A passphrase an ordinary user might choose: long enough, no banned terms, strong. */
  static final String ACCEPTED = "Tulip-harbour-quietly-73";

  /** The tenant's name and a custom term with little else: Entra's score 4, refused as banned. */
  static final String REFUSED = "Contoso@Summer1";

  private static final UUID TENANT = UUID.fromString("00000000-0000-0000-0000-00000000c0de");

  private DefaultPasswordPolicy policy;
  private Account account;
  private TermIndex global;
  private TermIndex custom;
  private List<String> names;
  private PasswordStrength strength;

  @Setup
  public void setUp() {
    SsprPolicy tenantPolicy = withCustomTerms(SsprPolicy.defaults(), customTerms());
    Tenant tenant = new Tenant(TENANT, "Contoso", List.of("contoso.com"), Instant.EPOCH);
    account =
        new Account(
            UUID.randomUUID(),
            TENANT,
            "megan@contoso.com",
            "Megan Bowen",
            "Megan",
            "Bowen",
            "megan@contoso.com",
            true,
            false,
            Set.of(Role.USER),
            PasswordAuthority.REKEY,
            false,
            null,
            "en",
            Instant.EPOCH);
    WordLists wordLists = new WordLists();
    CustomTerms customTerms = new CustomTerms();
    strength = new PasswordStrength();
    policy =
        new DefaultPasswordPolicy(
            fake(SsprPolicies.class, "get", tenantPolicy),
            fake(Tenants.class, "findById", Optional.of(tenant)),
            fake(AccountDirectory.class, "isRecentPassword", false),
            wordLists,
            customTerms,
            new BreachedPasswords(new PasswordProperties(null)),
            strength);
    global = wordLists.globalTerms();
    custom = customTerms.index(tenantPolicy.customBannedPasswords());
    names = List.copyOf(DefaultPasswordPolicy.names(account, tenant.name()));
    // A benchmark of the wrong outcome measures nothing: fail the run instead.
    requireVerdict(policy.check(account, ACCEPTED), true);
    requireVerdict(policy.check(account, REFUSED), false);
    if (!policy.check(account, REFUSED).hasReason("banned")) {
      throw new IllegalStateException("The refused password is not refused as banned");
    }
  }

  @Benchmark
  public PasswordVerdict checkAccepted() {
    return policy.check(account, ACCEPTED);
  }

  @Benchmark
  public PasswordVerdict checkRefused() {
    return policy.check(account, REFUSED);
  }

  @Benchmark
  public BannedPasswords.Result bannedTermsAccepted() {
    return BannedPasswords.evaluate(ACCEPTED, global, custom, names);
  }

  @Benchmark
  public BannedPasswords.Result bannedTermsRefused() {
    return BannedPasswords.evaluate(REFUSED, global, custom, names);
  }

  @Benchmark
  public int strengthAccepted() {
    return strength.score(ACCEPTED, names);
  }

  /** Twenty terms, a typical custom list (SPEC §7 allows up to 1,000 of 4–16 characters). */
  private static List<String> customTerms() {
    return List.of(
        "contoso",
        "summer",
        "winter",
        "autumn",
        "spring",
        "welcome",
        "rekey",
        "helpdesk",
        "amsterdam",
        "utrecht",
        "football",
        "ajax",
        "company",
        "office",
        "laptop",
        "monday",
        "friday",
        "holiday",
        "coffee",
        "letmein");
  }

  private static SsprPolicy withCustomTerms(SsprPolicy p, List<String> terms) {
    return new SsprPolicy(
        p.enabledFor(),
        p.selectedGroup(),
        p.methodsAvailable(),
        p.methodsRequiredToReset(),
        p.questionsRequiredToRegister(),
        p.questionsRequiredToReset(),
        p.predefinedQuestionIds(),
        p.customQuestions(),
        p.requireRegistrationAtSignIn(),
        p.reconfirmDays(),
        p.notifyUsersOnReset(),
        p.notifyAdminsOnAdminReset(),
        p.helpdeskLink(),
        p.writebackEnabled(),
        p.allowUnlockWithoutReset(),
        p.uniformResponses(),
        terms,
        p.passwordMinLength(),
        p.requireCharacterClasses());
  }

  /** An implementation that answers one method and refuses every other call. */
  private static <T> T fake(Class<T> type, String method, Object answer) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (proxy, called, args) -> {
              if (called.getName().equals(method)) {
                return answer;
              }
              if (called.getName().equals("toString")) {
                return "fake " + type.getSimpleName();
              }
              throw new UnsupportedOperationException(called.getName() + " is not benchmarked");
            }));
  }

  private static void requireVerdict(PasswordVerdict verdict, boolean acceptable) {
    if (verdict.acceptable() != acceptable) {
      throw new IllegalStateException("Unexpected verdict " + verdict);
    }
  }
}

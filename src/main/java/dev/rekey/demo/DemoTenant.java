package dev.rekey.demo;

import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.tenant.Tenant;
import dev.rekey.tenant.Tenants;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates the Contoso demo tenant of SPEC §10 once, when {@code rekey.demo.enabled}. */
@Component
@Order(0)
class DemoTenant implements ApplicationRunner {

  static final String DOMAIN = "contoso.com";
  static final String SSPR_GROUP = "SSPR users";

  record DemoUser(
      String upn,
      String first,
      String last,
      Role role,
      PasswordAuthority authority,
      boolean inSsprGroup) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser(
              "alain@contoso.com", "Alain", "Lambert", Role.USER, PasswordAuthority.REKEY, true),
          new DemoUser(
              "adele@contoso.com", "Adele", "Vance", Role.USER, PasswordAuthority.REKEY, true),
          new DemoUser(
              "diego@contoso.com", "Diego", "Siciliani", Role.USER, PasswordAuthority.REKEY, false),
          new DemoUser(
              "megan@contoso.com", "Megan", "Bowen", Role.USER, PasswordAuthority.EXTERNAL, true),
          new DemoUser(
              "helpdesk@contoso.com",
              "Helpdesk",
              "Operator",
              Role.HELPDESK,
              PasswordAuthority.REKEY,
              true),
          new DemoUser(
              "admin@contoso.com", "Contoso", "Admin", Role.ADMIN, PasswordAuthority.REKEY, true));

  private static final Logger log = LoggerFactory.getLogger(DemoTenant.class);

  private final DemoProperties properties;
  private final Tenants tenants;
  private final AccountDirectory directory;
  private final Groups groups;
  private final List<DemoSetup> setups;
  private final TransactionTemplate transactions;

  DemoTenant(
      DemoProperties properties,
      Tenants tenants,
      AccountDirectory directory,
      Groups groups,
      List<DemoSetup> setups,
      TransactionTemplate transactions) {
    this.properties = properties;
    this.tenants = tenants;
    this.directory = directory;
    this.groups = groups;
    this.setups = setups;
    this.transactions = transactions;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled() || tenants.findByDomain(DOMAIN).isPresent()) {
      return;
    }
    try {
      transactions.executeWithoutResult(status -> create());
      log.info("Created the demo tenant Contoso ({})", DOMAIN);
    } catch (DataIntegrityViolationException raced) {
      log.info("The demo tenant was created by another node");
    }
  }

  private void create() {
    Tenant tenant = tenants.create("Contoso", List.of(DOMAIN));
    Group ssprUsers = groups.create(tenant.id(), SSPR_GROUP);
    for (DemoUser user : USERS) {
      var account =
          directory.create(
              new NewAccount(
                  tenant.id(),
                  user.upn(),
                  user.first() + " " + user.last(),
                  user.first(),
                  user.last(),
                  user.upn(),
                  Set.of(user.role()),
                  user.authority()),
              user.authority() == PasswordAuthority.REKEY ? properties.password() : null,
              false);
      if (user.inSsprGroup()) {
        groups.addAccount(ssprUsers.id(), account.id());
      }
    }
    for (DemoSetup setup : setups) {
      setup.configure(tenant, ssprUsers);
    }
  }
}

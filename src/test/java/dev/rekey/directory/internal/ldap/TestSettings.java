package dev.rekey.directory.internal.ldap;

import dev.rekey.directory.LdapSettings;
import dev.rekey.directory.LdapSettings.Flavour;
import dev.rekey.directory.LdapSettings.GroupMode;
import dev.rekey.directory.LdapSettings.Security;
import java.util.List;

/** A builder of {@link LdapSettings} for tests: the generic fixture's values unless changed. */
final class TestSettings {

  Flavour flavour = Flavour.GENERIC;
  List<String> urls;
  Security security = Security.NONE;
  String trustedCertificates;
  String bindDn = TestDirectory.SERVICE_DN;
  String bindSecret = TestDirectory.SERVICE_SECRET;
  String baseDn = TestDirectory.BASE;
  String userFilter = "(objectClass=inetOrgPerson)";
  String userIdAttribute = "uid";
  String displayNameAttribute = "displayName";
  String firstNameAttribute = "givenName";
  String lastNameAttribute = "sn";
  String emailAttribute = "mail";
  GroupMode groupMode = GroupMode.NONE;
  String groupBaseDn;
  String groupFilter = "(objectClass=groupOfNames)";
  boolean nestedGroups;
  int connectTimeoutMillis = 1000;
  int responseTimeoutMillis = 2000;
  int poolSize = 2;
  boolean enabled = true;

  TestSettings(String... urls) {
    this.urls = List.of(urls);
  }

  /** The Active Directory fixture's mapping. */
  static TestSettings activeDirectory(String url) {
    TestSettings settings = new TestSettings(url);
    settings.flavour = Flavour.ACTIVE_DIRECTORY;
    settings.userFilter = "(objectClass=user)";
    settings.userIdAttribute = "userPrincipalName";
    return settings;
  }

  LdapSettings build() {
    return new LdapSettings(
        flavour,
        urls,
        security,
        trustedCertificates,
        bindDn,
        bindSecret,
        baseDn,
        userFilter,
        userIdAttribute,
        displayNameAttribute,
        firstNameAttribute,
        lastNameAttribute,
        emailAttribute,
        groupMode,
        groupBaseDn,
        groupFilter,
        nestedGroups,
        connectTimeoutMillis,
        responseTimeoutMillis,
        poolSize,
        enabled);
  }
}

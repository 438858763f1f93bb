package dev.rekey.directory.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.rekey.directory.LdapSettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's directory connection as the API shows it: every setting, nulls included, and whether a
 * bind secret is stored. The secret itself is never shown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record DirectoryDocument(
    String flavour,
    List<String> urls,
    String security,
    @Nullable String trustedCertificates,
    String bindDn,
    boolean bindSecretSet,
    String baseDn,
    String userFilter,
    String userIdAttribute,
    String displayNameAttribute,
    String firstNameAttribute,
    String lastNameAttribute,
    String emailAttribute,
    String groupMode,
    @Nullable String groupBaseDn,
    String groupFilter,
    boolean nestedGroups,
    int connectTimeoutMillis,
    int responseTimeoutMillis,
    int poolSize,
    boolean enabled) {

  static DirectoryDocument of(LdapSettings s, boolean secretSet) {
    return new DirectoryDocument(
        s.flavour().code(),
        s.urls(),
        s.security().code(),
        s.trustedCertificates(),
        s.bindDn(),
        secretSet,
        s.baseDn(),
        s.userFilter(),
        s.userIdAttribute(),
        s.displayNameAttribute(),
        s.firstNameAttribute(),
        s.lastNameAttribute(),
        s.emailAttribute(),
        s.groupMode().code(),
        s.groupBaseDn(),
        s.groupFilter(),
        s.nestedGroups(),
        s.connectTimeoutMillis(),
        s.responseTimeoutMillis(),
        s.poolSize(),
        s.enabled());
  }
}

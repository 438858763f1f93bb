package dev.rekey.directory.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code PUT /api/v1/admin/directory} and {@code POST .../test}. Choices are codes
 * ({@code generic}, {@code active_directory}; {@code none}, {@code ldaps}, {@code starttls}; {@code
 * none}, {@code member_of}, {@code search}); a missing field takes its default. Numbers and
 * booleans are typed, so a string there is a 400.
 */
record DirectoryRequest(
    @Nullable String flavour,
    @Nullable List<String> urls,
    @Nullable String security,
    @Nullable String trustedCertificates,
    @Nullable String bindDn,
    @Nullable String bindSecret,
    @Nullable String baseDn,
    @Nullable String userFilter,
    @Nullable String userIdAttribute,
    @Nullable String displayNameAttribute,
    @Nullable String firstNameAttribute,
    @Nullable String lastNameAttribute,
    @Nullable String emailAttribute,
    @Nullable String groupMode,
    @Nullable String groupBaseDn,
    @Nullable String groupFilter,
    @Nullable Boolean nestedGroups,
    @Nullable Integer connectTimeoutMillis,
    @Nullable Integer responseTimeoutMillis,
    @Nullable Integer poolSize,
    @Nullable Boolean enabled) {

  SettingsDraft draft() {
    return new SettingsDraft(
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
        connectTimeoutMillis == null ? null : connectTimeoutMillis.toString(),
        responseTimeoutMillis == null ? null : responseTimeoutMillis.toString(),
        poolSize == null ? null : poolSize.toString(),
        enabled);
  }
}

package dev.rekey.directory.internal.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.experimental.DraftBeheraLDAPPasswordPolicy10ErrorType;
import dev.rekey.directory.DirectoryPasswordRefused;
import org.junit.jupiter.api.Test;

class PasswordRefusalsTest {

  @Test
  void everyPolicyErrorHasAReason() {
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_SHORT))
        .containsExactly(DirectoryPasswordRefused.TOO_SHORT);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_IN_HISTORY))
        .containsExactly(DirectoryPasswordRefused.IN_HISTORY);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_TOO_YOUNG))
        .containsExactly(DirectoryPasswordRefused.TOO_YOUNG);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.INSUFFICIENT_PASSWORD_QUALITY))
        .containsExactly(DirectoryPasswordRefused.QUALITY);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_MOD_NOT_ALLOWED))
        .containsExactly(DirectoryPasswordRefused.NOT_ALLOWED);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.MUST_SUPPLY_OLD_PASSWORD))
        .containsExactly(DirectoryPasswordRefused.NOT_ALLOWED);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.ACCOUNT_LOCKED))
        .containsExactly(DirectoryPasswordRefused.LOCKED);
    assertThat(
            PasswordRefusals.fromPolicyError(
                DraftBeheraLDAPPasswordPolicy10ErrorType.PASSWORD_EXPIRED))
        .containsExactly(DirectoryPasswordRefused.OTHER);
  }

  @Test
  void openLdapTextsAreRead() {
    assertThat(PasswordRefusals.fromText("Password fails quality checking policy"))
        .containsExactly(DirectoryPasswordRefused.QUALITY);
    assertThat(PasswordRefusals.fromText("Password is too short for policy"))
        .containsExactly(DirectoryPasswordRefused.TOO_SHORT);
    assertThat(PasswordRefusals.fromText("Password is in history of old passwords"))
        .containsExactly(DirectoryPasswordRefused.IN_HISTORY);
    assertThat(PasswordRefusals.fromText("Password is too young to change"))
        .containsExactly(DirectoryPasswordRefused.TOO_YOUNG);
    assertThat(PasswordRefusals.fromText("User alteration of password is not allowed"))
        .containsExactly(DirectoryPasswordRefused.NOT_ALLOWED);
    assertThat(PasswordRefusals.fromText("something else")).isEmpty();
    assertThat(PasswordRefusals.fromText(null)).isEmpty();
  }
}

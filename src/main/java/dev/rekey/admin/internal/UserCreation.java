package dev.rekey.admin.internal;

import dev.rekey.audit.AuditActivity;
import dev.rekey.audit.AuditResult;
import dev.rekey.audit.Audited;
import dev.rekey.common.ApiProblem;
import dev.rekey.common.RequestOrigin;
import dev.rekey.directory.Account;
import dev.rekey.directory.AccountDirectory;
import dev.rekey.directory.AccountRejected;
import dev.rekey.directory.Group;
import dev.rekey.directory.Groups;
import dev.rekey.directory.NewAccount;
import dev.rekey.directory.PasswordAuthority;
import dev.rekey.directory.Role;
import dev.rekey.directory.SignedInUser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin creates one user in the embedded directory, with a temporary password shown once (see
 * {@link NewUserPassword}) that must be changed at the first sign-in. Audited as "Add user".
 */
@Service
class UserCreation {

  /**
   * The new account and its temporary password, which is not stored anywhere in clear.
   *
   * @param groups the groups it was added to
   */
  record Created(Account account, String temporaryPassword, List<Group> groups) {}

  private final AccountDirectory directory;
  private final Groups groups;
  private final NewUserPassword passwords;
  private final ApplicationEventPublisher events;

  UserCreation(
      AccountDirectory directory,
      Groups groups,
      NewUserPassword passwords,
      ApplicationEventPublisher events) {
    this.directory = directory;
    this.groups = groups;
    this.passwords = passwords;
    this.events = events;
  }

  /**
   * @throws ApiProblem 400 {@code invalid_request} naming the field the directory refused
   */
  @Transactional
  Created create(SignedInUser operator, NewUser user, RequestOrigin origin) {
    AdminRole.require(operator);
    List<Group> memberOf = new ArrayList<>();
    for (UUID id : user.groupIds()) {
      memberOf.add(
          groups
              .findById(id)
              .filter(g -> g.tenantId().equals(operator.tenantId()))
              .orElseThrow(
                  () -> ApiProblem.invalidField("groups", "newuser.error.groups.unknown")));
    }
    String password = passwords.generate();
    Account account;
    try {
      account =
          directory.create(
              new NewAccount(
                  operator.tenantId(),
                  user.userId(),
                  user.displayName(),
                  user.firstName(),
                  user.lastName(),
                  user.email(),
                  user.roles(),
                  PasswordAuthority.REKEY),
              password,
              true);
    } catch (AccountRejected rejected) {
      String field = UserImporter.fieldOf(rejected.code());
      throw ApiProblem.invalidField(
          "row".equals(field) ? "userId" : field, "newuser.error." + rejected.code());
    }
    memberOf.forEach(g -> groups.addAccount(g.id(), account.id()));
    Map<String, @Nullable Object> details = new LinkedHashMap<>();
    details.put("source", "console");
    details.put("roles", account.roles().stream().map(Role::code).sorted().toList());
    details.put("groups", memberOf.stream().map(Group::name).toList());
    details.put("mustChangePassword", true);
    events.publishEvent(
        new Audited(
            account.tenantId(),
            operator.accountId(),
            account.id(),
            null,
            AuditActivity.ADD_USER,
            AuditResult.SUCCEEDED,
            null,
            null,
            origin,
            null,
            details));
    return new Created(account, password, List.copyOf(memberOf));
  }
}

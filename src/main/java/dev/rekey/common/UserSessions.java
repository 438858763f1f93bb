package dev.rekey.common;

import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user: after a reset (SPEC §5 step 5) and when an administrator resets a
 * password, changes roles or signs the user out (ASVS 5.0 §7.4.3: terminate all sessions after a
 * credential change; §7.4.5: administrators can end a user's sessions). Sessions are indexed by the
 * principal name, which is the account id (see {@code SignedInUser#getName}).
 *
 * <p>Without a web server ({@code spring.main.web-application-type=none}, as the seeding command
 * runs) there is no session store and so no session to end.
 */
@Component
public class UserSessions {

  private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

  public UserSessions(
      ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
    this.sessions = sessions;
  }

  /**
   * @return how many sessions were ended
   */
  public int endAll(UUID accountId) {
    FindByIndexNameSessionRepository<? extends Session> store = sessions.getIfAvailable();
    if (store == null) {
      return 0;
    }
    var found = store.findByPrincipalName(accountId.toString());
    found.keySet().forEach(store::deleteById);
    return found.size();
  }
}

package dev.rekey.common;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user: after a reset (SPEC §5 step 5) and when an administrator resets a
 * password, changes roles or signs the user out (ASVS 5.0 §7.4.3: terminate all sessions after a
 * credential change; §7.4.5: administrators can end a user's sessions). Sessions are indexed by the
 * principal name, which is the account id (see {@code SignedInUser#getName}).
 */
@Component
public class UserSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  public UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  /**
   * @return how many sessions were ended
   */
  public int endAll(UUID accountId) {
    var found = sessions.findByPrincipalName(accountId.toString());
    found.keySet().forEach(sessions::deleteById);
    return found.size();
  }
}

package dev.rekey.reset.internal;

import java.util.UUID;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends every session of a user after a reset (SPEC §5 step 5; ASVS 5.0 §7.4.3: terminate all
 * sessions after a credential change). Sessions are indexed by the principal name, which is the
 * account id (see {@code SignedInUser#getName}).
 */
@Component
class UserSessions {

  private final FindByIndexNameSessionRepository<? extends Session> sessions;

  UserSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
    this.sessions = sessions;
  }

  int endAll(UUID accountId) {
    var found = sessions.findByPrincipalName(accountId.toString());
    found.keySet().forEach(sessions::deleteById);
    return found.size();
  }
}

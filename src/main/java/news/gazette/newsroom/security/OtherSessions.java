package news.gazette.newsroom.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions in the shared session store (Spring Session JDBC) when its password changes, all but the
 * one making the change. {@link StillEnabled} would end each at its next request anyway, since the password version
 * no longer matches; deleting them here also takes them out of the store at once, on every node.
 */
@Component
public class OtherSessions {

    private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

    public OtherSessions(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
        this.sessions = sessions;
    }

    /**
     * @param keep the id of the session to keep, or {@code null} to end them all
     * @return how many sessions were ended
     */
    public int end(String email, String keep) {
        FindByIndexNameSessionRepository<?> repository = sessions.getIfAvailable();
        if (repository == null) {
            return 0;
        }
        int ended = 0;
        for (String id : repository.findByPrincipalName(email).keySet()) {
            if (!id.equals(keep)) {
                repository.deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}

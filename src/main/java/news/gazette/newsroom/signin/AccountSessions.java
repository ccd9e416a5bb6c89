package news.gazette.newsroom.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * An account's signed-in sessions in the shared session store, whichever node made them: where and when each signed
 * in, when it was last used; and ending one, which ends it on every node at once. A session is named on the page by
 * a digest of its id, never by the id, which is the session's credential.
 */
@Component
class AccountSessions {

    /** The session attributes a sign-in leaves: the client's address and the node it signed in on. */
    static final String CLIENT = AccountSessions.class.getName() + ".client";
    static final String NODE = AccountSessions.class.getName() + ".node";
    static final String SINCE = AccountSessions.class.getName() + ".since";

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions;

    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> sessions) {
        this.sessions = sessions;
    }

    /** One session as its account sees it. */
    record Row(String handle, String client, String node, Instant signedIn, Instant lastUsed, boolean current) {
    }

    static void mark(HttpServletRequest request, String node, Instant now) {
        request.getSession().setAttribute(CLIENT, request.getRemoteAddr());
        request.getSession().setAttribute(NODE, node);
        request.getSession().setAttribute(SINCE, now);
    }

    List<Row> of(String email, String currentId) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return List.of();
        }
        return repository.findByPrincipalName(email).entrySet().stream()
                .map(e -> row(e.getKey(), e.getValue(), currentId))
                .sorted(Comparator.comparing(Row::lastUsed).reversed())
                .toList();
    }

    /** @return whether the account had that session */
    boolean end(String email, String handle) {
        FindByIndexNameSessionRepository<? extends Session> repository = sessions.getIfAvailable();
        if (repository == null) {
            return false;
        }
        for (String id : repository.findByPrincipalName(email).keySet()) {
            if (MessageDigest.isEqual(handle(id).getBytes(StandardCharsets.US_ASCII),
                    handle.getBytes(StandardCharsets.US_ASCII))) {
                repository.deleteById(id);
                return true;
            }
        }
        return false;
    }

    private static Row row(String id, Session session, String currentId) {
        Object client = session.getAttribute(CLIENT);
        Object node = session.getAttribute(NODE);
        Object since = session.getAttribute(SINCE);
        return new Row(handle(id), client == null ? "?" : client.toString(), node == null ? "?" : node.toString(),
                since instanceof Instant at ? at : session.getCreationTime(), session.getLastAccessedTime(),
                id.equals(currentId));
    }

    static String handle(String sessionId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

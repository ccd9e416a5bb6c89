package news.gazette.newsroom.signin;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * The options of a passkey registration between its two requests. Spring Security keeps them in the session, but
 * they cannot be serialized into the shared JDBC session store; they are kept here instead, on the node, per session,
 * for the ceremony's few minutes. Both requests of one registration must reach the same node (ADR 0066).
 */
final class RegistrationCeremonies implements PublicKeyCredentialCreationOptionsRepository {

    private final Cache<String, PublicKeyCredentialCreationOptions> open = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(10_000).build();

    @Override
    public void save(HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        String session = request.getSession().getId();
        if (options == null) {
            open.invalidate(session);
        } else {
            open.put(session, options);
        }
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : open.getIfPresent(session.getId());
    }
}

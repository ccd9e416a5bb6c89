package news.gazette.newsroom.api;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.withDefaults;

import news.gazette.account.TokenScope;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.RequestMatcherDelegatingAuthorizationManager;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Which token scope each request of the newsroom API needs, matched with Spring's path patterns as the router
 * matches (so {@code /newsroom/api/v1/stories/1/%70ublish} needs what {@code …/publish} needs). The first rule that
 * matches decides; what no rule names needs {@code admin}, the scope that allows most.
 */
final class TokenScopeRules {

    private static final String BASE = ApiSecurity.BASE;

    private static final RequestMatcherDelegatingAuthorizationManager BY_REQUEST = RequestMatcherDelegatingAuthorizationManager
            .builder()
            .add(withDefaults().matcher(HttpMethod.GET, BASE + "/**"), scope(TokenScope.READ))
            .add(withDefaults().matcher(HttpMethod.HEAD, BASE + "/**"), scope(TokenScope.READ))
            .add(withDefaults().matcher(HttpMethod.POST, BASE + "/stories/*/publish"), scope(TokenScope.PUBLISH))
            .add(withDefaults().matcher(HttpMethod.POST, BASE + "/stories/*/unpublish"), scope(TokenScope.PUBLISH))
            .add(withDefaults().matcher(HttpMethod.POST, BASE + "/stories/*/schedule"), scope(TokenScope.PUBLISH))
            .add(withDefaults().matcher(BASE + "/editions/*/alert"), scope(TokenScope.PUBLISH))
            // What a live blog shows readers changes at once, as publishing does (LiveBlogsApi).
            .add(withDefaults().matcher(BASE + "/stories/*/live-blog"), scope(TokenScope.PUBLISH))
            .add(withDefaults().matcher(BASE + "/stories/*/live-blog/**"), scope(TokenScope.PUBLISH))
            .add(withDefaults().matcher(BASE + "/stories"), scope(TokenScope.WRITE))
            .add(withDefaults().matcher(BASE + "/stories/**"), scope(TokenScope.WRITE))
            .add(AnyRequestMatcher.INSTANCE, scope(TokenScope.ADMIN))
            .build();

    static final AuthorizationManager<RequestAuthorizationContext> SCOPES =
            (authentication, context) -> BY_REQUEST.authorize(authentication, context.getRequest());

    private TokenScopeRules() {
    }

    private static AuthorizationManager<RequestAuthorizationContext> scope(TokenScope scope) {
        return AuthorityAuthorizationManager.hasAuthority(scope.authority());
    }
}

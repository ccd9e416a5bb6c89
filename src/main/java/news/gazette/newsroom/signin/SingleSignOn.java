package news.gazette.newsroom.signin;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.audit.AuditLog;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * Single sign-on through the outlet's OpenID Connect provider, when one is configured with Spring Security's standard
 * settings ({@code spring.security.oauth2.client.*}); off otherwise. The provider proves who someone is; Gazette
 * decides what they may do: the account is the one with the provider's e-mail address, only when the provider says
 * that address is verified ({@code email_verified}), and its role is the one given in the newsroom. Anyone else is
 * refused with a page that says why; nothing is created.
 */
@Component
public class SingleSignOn {

    /** Where a provider's sign-in starts: this and the registration's id. */
    public static final String START = "/newsroom/sso/start/";
    /** Where the provider sends the browser back. */
    static final String CALLBACK = "/newsroom/sso/callback/*";
    /** The page saying why a single sign-on was refused. */
    public static final String REFUSED = "/newsroom/sso/refused";

    private final ObjectProvider<ClientRegistrationRepository> registrations;
    private final Accounts accounts;
    private final SignedIn signedIn;
    private final AuditLog audit;

    SingleSignOn(ObjectProvider<ClientRegistrationRepository> registrations, Accounts accounts, SignedIn signedIn,
                 AuditLog audit) {
        this.registrations = registrations;
        this.accounts = accounts;
        this.signedIn = signedIn;
        this.audit = audit;
    }

    /** Adds the provider's sign-in to the newsroom's chain when a provider is configured. */
    public void apply(HttpSecurity http) throws Exception {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        if (repository == null) {
            return;
        }
        http.oauth2Login(login -> login.loginPage("/newsroom/login")
                .clientRegistrationRepository(repository)
                .authorizationEndpoint(start -> start.authorizationRequestResolver(resolver(repository)))
                .redirectionEndpoint(back -> back.baseUri(CALLBACK))
                .successHandler(this::signedIn)
                .failureHandler((request, response, e) -> {
                    audit.record("unknown", "login.sso-failed", null, e.getMessage(), request.getRemoteAddr());
                    response.sendRedirect(REFUSED + "?reason=failed");
                }));
    }

    /**
     * Spring's resolver, except that an address naming no configured provider is left to the router (a 404 page)
     * instead of a 500.
     */
    private static OAuth2AuthorizationRequestResolver resolver(ClientRegistrationRepository repository) {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(repository, START.substring(0, START.length() - 1));
        return new OAuth2AuthorizationRequestResolver() {
            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
                try {
                    return resolver.resolve(request);
                } catch (IllegalArgumentException unknownProvider) {
                    return null;
                }
            }

            @Override
            public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String registrationId) {
                try {
                    return resolver.resolve(request, registrationId);
                } catch (IllegalArgumentException unknownProvider) {
                    return null;
                }
            }
        };
    }

    private void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication auth)
            throws IOException {
        String provider = auth instanceof OAuth2AuthenticationToken token ? token.getAuthorizedClientRegistrationId() : "?";
        OidcUser user = auth.getPrincipal() instanceof OidcUser oidc ? oidc : null;
        String email = user == null ? null : user.getEmail();
        boolean verified = user != null && Boolean.TRUE.equals(user.getEmailVerified());
        Optional<Account> account = email == null ? Optional.empty()
                : accounts.byEmail(email).filter(Account::enabled);
        if (!verified || account.isEmpty()) {
            SecurityContextHolder.clearContext();
            signedIn.contexts().saveContext(SecurityContextHolder.createEmptyContext(), request, response);
            String reason = !verified ? "unverified" : "unknown";
            audit.record(email == null ? "unknown" : email, "login.sso-refused", null,
                    provider + ": " + (verified ? "no such account" : "e-mail not verified"), request.getRemoteAddr());
            response.sendRedirect(REFUSED + "?reason=" + reason);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.get().email(), null,
                AuthorityUtils.createAuthorityList(account.get().role().authorities())));
        SecurityContextHolder.setContext(context);
        signedIn.contexts().saveContext(context, request, response);
        response.sendRedirect(signedIn.complete(request, account.get(), "single sign-on (" + provider + ")"));
    }
}

package news.gazette.newsroom.signin;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.audit.AuditLog;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.security.StillEnabled;
import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Passkeys through Spring Security's WebAuthn support, at its own addresses ({@code /webauthn/**} to register and to
 * ask for a challenge, {@code /login/webauthn} to sign in), in a chain of their own next to the newsroom's, sharing
 * its session. Its default pages and script are not used: the newsroom's pages and {@code passkeys.js} run the
 * ceremonies, with no inline script. A passkey sign-in ends like any other ({@link SignedIn}).
 */
@Configuration(proxyBeanMethods = false)
class PasskeySecurity {

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    @Order(2)
    SecurityFilterChain passkeyChain(HttpSecurity http, Accounts accounts, SignedIn signedIn, AuditLog audit, Screens screens,
                                     Passkeys passkeys, ChangeNotices notices,
                                 @Value("${gazette.sign-in.passkeys.rp-id:localhost}") String rpId,
                                 @Value("${gazette.sign-in.passkeys.origins:http://localhost:8080}") String origins,
                                 @Value("${gazette.sign-in.issuer:Gazette}") String name) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        UserDetailsService users = email -> accounts.byEmail(email)
                .map(a -> User.withUsername(a.email()).password("").disabled(!a.enabled())
                        .authorities(a.role().authorities()).build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        http.setSharedObject(UserDetailsService.class, users);
        http.securityMatcher("/webauthn/**", "/login/webauthn")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/webauthn/authenticate/options", "/login/webauthn").permitAll()
                        .anyRequest().hasRole("CONTRIBUTOR"))
                .webAuthn(webAuthn -> webAuthn.rpId(rpId).rpName(name)
                        .allowedOrigins(new LinkedHashSet<>(Arrays.stream(origins.split(",")).map(String::trim)
                                .filter(s -> !s.isEmpty()).toList()))
                        .disableDefaultRegistrationPage(true)
                        .creationOptionsRepository(new RegistrationCeremonies())
                        .withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
                            @Override
                            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                                filter.setAuthenticationSuccessHandler((request, response, auth) ->
                                        signedIn(request, response, auth, accounts, signedIn));
                                filter.setAuthenticationFailureHandler((request, response, e) -> {
                                    audit.record("unknown", "login.passkey-failed", null, e.getClass().getSimpleName(),
                                            request.getRemoteAddr());
                                    json(response, HttpStatus.UNAUTHORIZED, "{\"authenticated\":false}");
                                });
                                return filter;
                            }
                        }))
                .exceptionHandling(denied -> denied.authenticationEntryPoint(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .addFilterBefore(new StillEnabled(accounts), AuthorizationFilter.class)
                .addFilterBefore(new SetupFirst(accounts, signedIn, screens), AuthorizationFilter.class)
                .addFilterBefore(new PasskeyChanges(accounts, passkeys, notices), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * The session keeps the account by its e-mail address, as after a password, and the browser is told where to go.
     */
    private static void signedIn(HttpServletRequest request, HttpServletResponse response, Authentication auth,
                                 Accounts accounts, SignedIn signedIn) throws java.io.IOException {
        Account account = accounts.byEmail(auth.getName()).orElseThrow();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.email(), null,
                AuthorityUtils.createAuthorityList(account.role().authorities())));
        SecurityContextHolder.setContext(context);
        signedIn.contexts().saveContext(context, request, response);
        String next = signedIn.complete(request, account, "passkey");
        json(response, HttpStatus.OK, "{\"authenticated\":true,\"redirectUrl\":\"" + next + "\"}");
    }

    private static void json(HttpServletResponse response, HttpStatus status, String body) throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType("application/json");
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }
}

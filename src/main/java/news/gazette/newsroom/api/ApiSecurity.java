package news.gazette.newsroom.api;

import news.gazette.newsroom.Screens;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.ApiTokens;
import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The newsroom API's own security, before the newsroom's form-login chain: a personal token in
 * {@code Authorization: Bearer}, and nothing else — no session, no cookie, so no CSRF either. The same roles as the
 * screens, and on top the token's scopes ({@link TokenScopeRules}); what an account may do to a story is decided by
 * the story module (StoryPolicy), not here; refusals are problem details: 401 without a usable token (unknown,
 * revoked or expired), 403 beyond its role or scopes.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    static final String BASE = "/newsroom/api/v1";

    @Bean
    @Order(0)
    SecurityFilterChain newsroomApi(HttpSecurity http, ApiTokens tokens, Screens screens) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        http.securityMatcher(BASE + "/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(BASE + "/accounts", BASE + "/accounts/**", BASE + "/settings/**",
                                BASE + "/app-keys", BASE + "/app-keys/**")
                        .access(roleAndScope("ADMIN"))
                        .requestMatchers(BASE + "/sections", BASE + "/sections/**", BASE + "/tags", BASE + "/tags/**",
                                BASE + "/authors", BASE + "/authors/**").access(roleAndScope("EDITOR"))
                        .anyRequest().access(roleAndScope("CONTRIBUTOR")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.requireExplicitSave(true))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> problem(screens, request, response,
                                HttpStatus.UNAUTHORIZED, "newsroom.problem.unauthenticated"))
                        .accessDeniedHandler((request, response, e) -> problem(screens, request, response,
                                HttpStatus.FORBIDDEN, "newsroom.problem.forbidden")))
                .addFilterBefore(new BearerTokens(tokens), AuthorizationFilter.class);
        return http.build();
    }

    /** The role the path needs and the token scope the method and path need (ADR 0036): both, or a 403. */
    private static AuthorizationManager<RequestAuthorizationContext> roleAndScope(String role) {
        return AuthorizationManagers.allOf(AuthorityAuthorizationManager.hasRole(role), TokenScopeRules.SCOPES);
    }

    private static void problem(Screens screens, HttpServletRequest request, HttpServletResponse response,
                                HttpStatus status, String key) throws IOException {
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        String detail = screens.texts(request).get(key);
        response.getOutputStream().write(("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + json(detail) + "\",\"instance\":\""
                + json(request.getRequestURI()) + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** The token the current request was signed in with, or {@code null} when it came without one. */
    static ApiTokens.ApiToken presentedToken() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getDetails() instanceof ApiTokens.Bearer bearer
                ? bearer.token() : null;
    }

    /** Escapes a string for a JSON string literal. */
    static String json(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Signs a request in as the enabled account its bearer token belongs to; anything else stays anonymous. */
    static final class BearerTokens extends OncePerRequestFilter {

        private final ApiTokens tokens;

        BearerTokens(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<ApiTokens.Bearer> bearer = tokens.authenticate(header.substring(7).strip());
                bearer.ifPresent(b -> {
                    var context = SecurityContextHolder.createEmptyContext();
                    var signedIn = UsernamePasswordAuthenticationToken.authenticated(b.account().email(), null,
                            AuthorityUtils.createAuthorityList(b.authorities()));
                    signedIn.setDetails(b);
                    context.setAuthentication(signedIn);
                    SecurityContextHolder.setContext(context);
                });
            }
            chain.doFilter(request, response);
        }
    }
}

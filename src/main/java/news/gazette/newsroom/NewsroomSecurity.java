package news.gazette.newsroom;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.platform.DatabaseOutage;
import news.gazette.account.Accounts;
import news.gazette.account.LoginThrottle;
import news.gazette.audit.AuditLog;
import news.gazette.platform.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The newsroom's own security: form login with CSRF on every change, the session id renewed at login, a logout that
 * ends the session, login throttling, and every login and failure in the audit log.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomSecurity {

    static final String LOGIN = "/newsroom/login";

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, LoginThrottle throttle, AuditLog audit, Accounts accounts,
                                 Screens screens) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        http.securityMatcher("/newsroom/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN).permitAll()
                        .requestMatchers("/newsroom/audit", "/newsroom/search/rebuild", "/newsroom/import",
                                "/newsroom/archive/*").hasRole("ADMIN")
                        .requestMatchers("/newsroom/webhooks", "/newsroom/webhooks/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/app-keys", "/newsroom/app-keys/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/accounts", "/newsroom/accounts/**", "/newsroom/settings",
                                "/newsroom/settings/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/sections", "/newsroom/sections/**", "/newsroom/tags",
                                "/newsroom/tags/**", "/newsroom/authors", "/newsroom/authors/**").hasRole("EDITOR")
                        .anyRequest().hasRole("CONTRIBUTOR"))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .usernameParameter("email").passwordParameter("password")
                        .successHandler((request, response, auth) -> {
                            throttle.succeeded(auth.getName());
                            accounts.byEmail(auth.getName()).ifPresent(a -> StillEnabled.remember(request, a));
                            audit.record(auth.getName(), "login", null, null, request.getRemoteAddr());
                            response.sendRedirect("/newsroom");
                        })
                        .failureHandler((request, response, e) -> {
                            if (DatabaseOutage.isOutage(e)) {
                                // Not a wrong password: the accounts could not be read. Nothing to count or record.
                                response.sendRedirect(LOGIN + "?unavailable");
                                return;
                            }
                            String email = request.getParameter("email");
                            throttle.failed(email, request.getRemoteAddr());
                            audit.record(String.valueOf(email), "login.failed", null, null, request.getRemoteAddr());
                            response.sendRedirect(LOGIN + "?error");
                        }))
                .logout(logout -> logout.logoutUrl("/newsroom/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID", "SESSION")
                        .addLogoutHandler((request, response, auth) -> recordLogout(audit, request, auth)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // A screen the role may not open answers with the newsroom's own page, saying what the role may do.
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) -> {
                    var page = StoryRefusals.roleRefusal(screens, request);
                    response.setStatus(page.getStatusCode().value());
                    page.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                    response.getOutputStream().write(page.getBody());
                }))
                .addFilterBefore(new Throttled(throttle, audit), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new StillEnabled(accounts), AuthorizationFilter.class);
        return http.build();
    }

    private static void recordLogout(AuditLog audit, HttpServletRequest request, Authentication auth) {
        if (auth != null) {
            audit.record(auth.getName(), "logout", null, null, request.getRemoteAddr());
        }
    }

    /** Refuses a login attempt while its account or address is held back, before the password is even checked. */
    static final class Throttled extends OncePerRequestFilter {

        private final LoginThrottle throttle;
        private final AuditLog audit;

        Throttled(LoginThrottle throttle, AuditLog audit) {
            this.throttle = throttle;
            this.audit = audit;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && LOGIN.equals(request.getRequestURI())) {
                String email = request.getParameter("email");
                if (throttle.blockedUntil(email, request.getRemoteAddr()) != null) {
                    audit.record(String.valueOf(email), "login.blocked", null, null, request.getRemoteAddr());
                    response.sendRedirect(LOGIN + "?blocked");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }
}

package news.gazette.newsroom.security;

import news.gazette.newsroom.Screens;
import news.gazette.newsroom.signin.SetupFirst;
import news.gazette.newsroom.signin.SignedIn;
import news.gazette.newsroom.signin.SingleSignOn;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.database.DatabaseOutage;
import news.gazette.account.Accounts;
import news.gazette.account.LoginThrottledException;
import news.gazette.audit.AuditLog;
import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The newsroom's own security: form login with CSRF on every change, the session id renewed at login, a logout that
 * ends the session, and every login and failure in the audit log. Throttling is not here but where the password is
 * checked ({@code account/ThrottledLogins}), so that no address of the login form can pass it by.
 */
@Configuration(proxyBeanMethods = false)
class NewsroomSecurity {

    static final String LOGIN = "/newsroom/login";

    @Bean
    @Order(1)
    SecurityFilterChain newsroom(HttpSecurity http, AuditLog audit, Accounts accounts, Screens screens,
                                 SignedIn signedIn, SingleSignOn singleSignOn) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        http.securityMatcher("/newsroom/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(LOGIN, SignedIn.CODE, SingleSignOn.REFUSED).permitAll()
                        .requestMatchers("/newsroom/audit", "/newsroom/search/rebuild", "/newsroom/import",
                                "/newsroom/archive/*").hasRole("ADMIN")
                        .requestMatchers("/newsroom/webhooks", "/newsroom/webhooks/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/newsletters", "/newsroom/newsletters/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/security/policy").hasRole("ADMIN")
                        .requestMatchers("/newsroom/app-keys", "/newsroom/app-keys/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/accounts", "/newsroom/accounts/**", "/newsroom/settings",
                                "/newsroom/settings/**").hasRole("ADMIN")
                        .requestMatchers("/newsroom/sections", "/newsroom/sections/**", "/newsroom/tags",
                                "/newsroom/tags/**", "/newsroom/authors", "/newsroom/authors/**").hasRole("EDITOR")
                        .requestMatchers("/newsroom/front-page", "/newsroom/front-page/**").hasRole("EDITOR")
                        .requestMatchers("/newsroom/translations", "/newsroom/translations/**").hasRole("EDITOR")
                        .anyRequest().hasRole("CONTRIBUTOR"))
                .formLogin(form -> form.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .usernameParameter("email").passwordParameter("password")
                        // On to the second factor when the account has one; the audit log records each step.
                        .successHandler(signedIn::afterPassword)
                        .failureHandler((request, response, e) -> {
                            if (DatabaseOutage.isOutage(e)) {
                                // Not a wrong password: the accounts could not be read. Nothing to count or record.
                                response.sendRedirect(LOGIN + "?unavailable");
                                return;
                            }
                            String email = request.getParameter("email");
                            if (e instanceof LoginThrottledException held) {
                                audit.record(String.valueOf(email), "login.blocked", null, null, request.getRemoteAddr());
                                response.sendRedirect(LOGIN + "?blocked=" + held.retryAfterSeconds());
                                return;
                            }
                            audit.record(String.valueOf(email), "login.failed", null, null, request.getRemoteAddr());
                            response.sendRedirect(LOGIN + "?error");
                        }))
                .logout(logout -> logout.logoutUrl("/newsroom/logout").logoutSuccessUrl(LOGIN + "?logout")
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID", "SESSION")
                        .addLogoutHandler((request, response, auth) -> recordLogout(audit, request, auth)))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                // A screen the role may not open answers with the newsroom's own page, saying what the role may do.
                .exceptionHandling(denied -> denied.accessDeniedHandler((request, response, e) -> {
                    var page = screens.roleRefusal(request);
                    response.setStatus(page.getStatusCode().value());
                    page.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                    response.getOutputStream().write(page.getBody());
                }))
                .addFilterBefore(new StillEnabled(accounts), AuthorizationFilter.class)
                .addFilterAfter(new SetupFirst(accounts, signedIn, screens), StillEnabled.class);
        singleSignOn.apply(http);
        return http.build();
    }

    private static void recordLogout(AuditLog audit, HttpServletRequest request, Authentication auth) {
        if (auth != null) {
            audit.record(auth.getName(), "logout", null, null, request.getRemoteAddr());
        }
    }
}

package news.gazette.reader;

import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The newsletter's addresses: the security baseline, no session, and no CSRF token. The subscribe form sits on
 * pages the page cache serves to everyone, so it cannot carry a per-visitor token; its forgeries are refused by
 * {@link NewsletterPages#crossSite}, and confirming or unsubscribing needs a signed token from the mail. RFC 8058's
 * one-click POST comes from the mailbox provider, with no cookie at all. Web Push's addresses ({@code /push/**},
 * {@code /sw.js}) are in the same position (the opt-in control sits on cached pages) and share the chain; their
 * forgeries are refused by {@link PushEndpoints}.
 */
@Configuration(proxyBeanMethods = false)
class NewsletterSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 1)
    SecurityFilterChain newsletterChain(HttpSecurity http) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        http.securityMatcher("/newsletter/**", "/push/**", "/sw.js")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}

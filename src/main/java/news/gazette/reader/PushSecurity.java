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
 * Web Push's addresses ({@code /push/**}, {@code /sw.js}): the security baseline, no session and no CSRF token, as
 * for the newsletter. The opt-in control sits on cached pages, so it cannot carry a per-visitor token; a request
 * from another site is refused by {@link PushEndpoints} (the browser's {@code Sec-Fetch-Site}, else {@code Origin}).
 */
@Configuration(proxyBeanMethods = false)
class PushSecurity {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE - 2)
    SecurityFilterChain pushChain(HttpSecurity http) throws Exception {
        SecurityConfiguration.applyBaseline(http);
        http.securityMatcher("/push/**", "/sw.js")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }
}

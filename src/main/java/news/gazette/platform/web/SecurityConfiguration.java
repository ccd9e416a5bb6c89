package news.gazette.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The security baseline every response carries: a script-tight Content-Security-Policy, no sniffing, no framing,
 * a strict referrer policy, and HSTS on HTTPS.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    public static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /** The reader site: open to all, after the newsroom's own chain has taken its addresses. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    SecurityFilterChain readerSite(HttpSecurity http) throws Exception {
        applyBaseline(http);
        http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // The view beacon and the read-only API carry no session and change nothing a forged request could abuse.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/views/**", "/api/**"))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .requestCache(cache -> cache.disable());
        return http.build();
    }

    /** The headers every response carries, whichever part of Gazette answers. */
    public static void applyBaseline(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                // Caching is decided per response (pages, assets); the blanket no-store would defeat it.
                .cacheControl(cache -> cache.disable()));
    }

    /**
     * The same baseline for the few answers written before Spring Security runs (the view beacon's fast path), so no
     * response leaves without it.
     */
    public static void writeBaseline(HttpServletRequest request, HttpServletResponse response) {
        baseline(request.isSecure()).forEach(response::setHeader);
    }

    /**
     * The baseline as header names and values, in the order written; HSTS only over HTTPS. Also written by
     * {@link BaselineErrorReportValve} on the answers Tomcat makes itself.
     */
    public static Map<String, String> baseline(boolean secure) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("X-Frame-Options", "DENY");
        headers.put("X-XSS-Protection", "0");
        headers.put("Referrer-Policy", ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN.getPolicy());
        if (secure) {
            headers.put("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        return headers;
    }

    /**
     * No tracing span or timer around each security filter: on a beacon that was over half the time spent in Gazette
     * (JFR), for detail nobody reads. Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }
}

package news.gazette.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.Filter;
import news.gazette.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A peer that is not a configured proxy (here loopback, with only 10.9.9.9 trusted) cannot choose the client address
 * or scheme with forwarded headers: the application sees the peer as it is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "gazette.proxies.trusted=10.9.9.9")
class UntrustedForwardedHeadersOverHttpTest {

    @LocalServerPort int port;
    @Autowired Seen seen;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void forwardedHeadersFromAPeerNotConfiguredAsAProxyChangeNothing() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/en/search?q=who"))
                .header("X-Forwarded-For", "203.0.113.9").header("X-Forwarded-Proto", "https").build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(seen.clients).containsEntry("/en/search", "127.0.0.1 http");
        assertThat(answer.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @TestConfiguration
    static class Seen {
        final Map<String, String> clients = new ConcurrentHashMap<>();

        @Bean
        FilterRegistrationBean<Filter> recordClient() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                clients.put(((jakarta.servlet.http.HttpServletRequest) request).getRequestURI(),
                        request.getRemoteAddr() + " " + request.getScheme());
                chain.doFilter(request, response);
            });
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }
}

package news.gazette.pagecache;

import java.io.IOException;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.servlet.Filter;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Records where requests enter the server in the page-cache tests: the servlet filter chain ahead of every other
 * filter, and Tomcat's engine ahead of every valve. Static assets are left out.
 */
@TestConfiguration
class RequestEntries {

    /** Records the path of every request that reaches the servlet filter chain, ahead of every other filter. */
    static final class FilterChainEntries {
        final Queue<String> paths = new ConcurrentLinkedQueue<>();
    }

    /** Records the path of every request that reaches Tomcat's engine, ahead of every valve (forwarded headers too). */
    static final class ValveEntries extends ValveBase {
        final Queue<String> paths = new ConcurrentLinkedQueue<>();

        ValveEntries() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            if (!request.getRequestURI().startsWith("/assets/")) {
                paths.add(request.getRequestURI());
            }
            getNext().invoke(request, response);
        }
    }

    @Bean
    ValveEntries valveEntries() {
        return new ValveEntries();
    }

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> recordValveEntries(ValveEntries valve) {
        return factory -> factory.addEngineValves(valve);
    }

    @Bean
    FilterChainEntries filterChainEntries() {
        return new FilterChainEntries();
    }

    @Bean
    FilterRegistrationBean<Filter> recordEntries(FilterChainEntries entries) {
        Filter filter = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            if (!http.getRequestURI().startsWith("/assets/")) {
                entries.paths.add(http.getRequestURI());
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        return registration;
    }
}

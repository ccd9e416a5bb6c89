package news.gazette.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
class PageCacheConfiguration {

    /**
     * First in line, ahead of security and request metrics, so a cached page costs a map lookup and a write. The
     * security headers the page was rendered with are kept with it and repeated. Served pages therefore do not show in
     * {@code http.server.requests}; a miss does.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCache cache, PageCacheProperties properties,
                                                      MeterRegistry meters) {
        FilterRegistrationBean<PageCacheFilter> registration =
                new FilterRegistrationBean<>(new PageCacheFilter(cache, properties, meters));
        // Second: the API's rate limiter (api/ApiGate) comes first, so answers from the cache count against a client too.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.enabled());
        registration.addUrlPatterns("/*");
        return registration;
    }
}

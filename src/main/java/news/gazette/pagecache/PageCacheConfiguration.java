package news.gazette.pagecache;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PageCacheProperties.class)
class PageCacheConfiguration {

    @Bean
    PageCacheFilter pageCacheFilterItself(PageCache cache, PageCacheProperties properties, MeterRegistry meters) {
        return new PageCacheFilter(cache, properties, meters);
    }

    /**
     * Renders and keeps pages, and answers what {@link PageCacheValve} leaves to it: API answers, conditional and
     * {@code HEAD} requests, requests waiting for a page being rendered, stale copies while rendering fails. Behind
     * the API's rate limiter (api/ApiGate), the view beacon and the database outage filter; ahead of Spring Session and
     * Spring Security, whose headers the page keeps and repeats.
     */
    @Bean
    FilterRegistrationBean<PageCacheFilter> pageCacheFilter(PageCacheFilter filter, PageCacheProperties properties) {
        FilterRegistrationBean<PageCacheFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setEnabled(properties.enabled());
        registration.addUrlPatterns("/*");
        return registration;
    }

    /**
     * Fresh pages for anonymous readers are answered inside Tomcat, ahead of every filter (request metrics included:
     * such hits show in {@code gazette.page.cache}, not in {@code http.server.requests}): plain {@code GET}s as soon
     * as Tomcat has parsed them ({@link HitAdapter}), the rest of the hits by {@link PageCacheValve}. With Tomcat's
     * access log on, the adapter is left out, so that every hit passes the log.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageCacheValve(PageCacheFilter filter,
                                                                             PageCacheProperties properties,
                                                                             Environment environment) {
        return factory -> {
            if (properties.enabled()) {
                factory.addContextCustomizers(context -> context.getPipeline().addValve(new PageCacheValve(filter)));
                int writeBuffer = Math.toIntExact(properties.socketWriteBuffer().toBytes());
                factory.addConnectorCustomizers(
                        connector -> connector.setProperty("socket.appWriteBufSize", Integer.toString(writeBuffer)));
                if (!environment.getProperty("server.tomcat.accesslog.enabled", Boolean.class, false)) {
                    factory.addConnectorCustomizers(connector -> HitAdapter.install(connector, filter));
                }
            }
        };
    }
}

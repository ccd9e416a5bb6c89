package news.gazette.platform.web;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * What Tomcat decides itself, before any filter: its error reports carry the security baseline
 * ({@link BaselineErrorReportValve}), and forwarded headers count only from the configured proxies
 * ({@link TrustedProxies}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TrustedProxies.class)
class TomcatHardening {

    /**
     * Last, so that the error report valve Spring Boot puts on the host is there to be replaced, and the forwarded
     * headers valve it adds (server.forward-headers-strategy: native) is there to be restricted.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatErrorReportsAndProxies(TrustedProxies proxies) {
        return factory -> {
            factory.addContextCustomizers(context -> BaselineErrorReportValve.replaceIn(context.getParent()));
            proxies.applyTo(factory.getEngineValves());
        };
    }
}

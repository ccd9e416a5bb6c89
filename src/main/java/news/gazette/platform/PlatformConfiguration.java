package news.gazette.platform;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableConfigurationProperties(SiteProperties.class)
class PlatformConfiguration {

    /**
     * Just behind the API's gate and the view beacon's fast path (neither asks the database), ahead of the page cache
     * and of Spring Session's filter.
     */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(DatabaseState state) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(state, List.of("SESSION", "JSESSIONID")));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
        return registration;
    }

    /** Last in the chain, so that Spring MVC sees its wrapper first (ordinary requests only: it only saves time). */
    @Bean
    FilterRegistrationBean<MethodReadOnceFilter> methodReadOnceFilter() {
        FilterRegistrationBean<MethodReadOnceFilter> registration = new FilterRegistrationBean<>(new MethodReadOnceFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

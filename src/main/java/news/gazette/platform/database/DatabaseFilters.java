package news.gazette.platform.database;

import java.util.List;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where the outage filter stands in the servlet chain. */
@Configuration(proxyBeanMethods = false)
class DatabaseFilters {

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
}

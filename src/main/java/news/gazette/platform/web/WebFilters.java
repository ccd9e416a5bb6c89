package news.gazette.platform.web;

import jakarta.servlet.DispatcherType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Where the platform's own request filter stands in the servlet chain. */
@Configuration(proxyBeanMethods = false)
class WebFilters {

    /** Last in the chain, so that Spring MVC sees its wrapper first (ordinary requests only: it only saves time). */
    @Bean
    FilterRegistrationBean<MethodReadOnceFilter> methodReadOnceFilter() {
        FilterRegistrationBean<MethodReadOnceFilter> registration = new FilterRegistrationBean<>(new MethodReadOnceFilter());
        registration.setOrder(Ordered.LOWEST_PRECEDENCE);
        registration.addUrlPatterns("/*");
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }
}

package news.gazette.reader;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class BeaconConfiguration {

    /** After the API gate, ahead of the rest: sessions, the page cache (which never holds beacons), security. */
    @Bean
    FilterRegistrationBean<BeaconFilter> beaconFilter(ViewBeacons beacons) {
        FilterRegistrationBean<BeaconFilter> registration = new FilterRegistrationBean<>(new BeaconFilter(beacons));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        registration.addUrlPatterns("/views/*");
        return registration;
    }
}

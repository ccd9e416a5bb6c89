package news.gazette.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * What the whole application shares: scheduling, asynchronous listeners, the site's settings and the clock. The
 * filters live with their themes ({@code web}, {@code database}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableAsync
@EnableConfigurationProperties(SiteProperties.class)
class PlatformConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}

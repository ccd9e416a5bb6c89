package news.gazette.newsletter;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NewsletterProperties.class)
class DkimConfiguration {

    /** The signer, when {@code gazette.newsletter.dkim.private-key} names a key file; its domain that of the sender by default. */
    @Bean
    @ConditionalOnProperty("gazette.newsletter.dkim.private-key")
    DkimSigner dkimSigner(NewsletterProperties properties) {
        NewsletterProperties.Dkim dkim = properties.dkim();
        String domain = dkim.domain().isBlank() ? properties.from().substring(properties.from().indexOf('@') + 1)
                : dkim.domain();
        return new DkimSigner(dkim.privateKey(), domain, dkim.selector());
    }
}

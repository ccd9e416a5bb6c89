package news.gazette.push;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of Web Push ({@code gazette.push.*}).
 *
 * @param enabled        whether readers are offered push and messages are sent
 * @param subject        the VAPID contact the push services may write to ({@code mailto:} or {@code https:})
 * @param alertTtl       how long a push service keeps an undelivered breaking alert
 * @param followTtl      how long it keeps an undelivered live-blog update
 * @param followInterval the least time between two pushes of one live blog to one follower
 * @param timeout        connect and answer timeout of one request to a push service
 * @param allowLoopback  tests only: push services on loopback and over plain {@code http} are accepted
 * @param concurrency    requests to push services in flight at once on this node (and connections per service)
 * @param batch          devices per queue message (ADR 125)
 * @param chunk          devices per step of a batch: taken in one commit, sent at once, settled in one commit
 */
@ConfigurationProperties("gazette.push")
public record PushProperties(@DefaultValue("true") boolean enabled,
                             @DefaultValue("mailto:webmaster@localhost") String subject,
                             @DefaultValue("6h") Duration alertTtl, @DefaultValue("1h") Duration followTtl,
                             @DefaultValue("5m") Duration followInterval, @DefaultValue("10s") Duration timeout,
                             @DefaultValue("false") boolean allowLoopback, @DefaultValue("32") int concurrency,
                             @DefaultValue("500") int batch, @DefaultValue("100") int chunk) {

    public PushProperties {
        concurrency = Math.max(1, concurrency);
        batch = Math.max(1, batch);
        chunk = Math.max(1, Math.min(chunk, batch));
    }
}

package news.gazette.push;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import jakarta.annotation.PreDestroy;

import news.gazette.webhook.AddressGuard;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.springframework.stereotype.Component;

/**
 * Hands one encrypted message to a push service (RFC 8030): {@code POST} to the subscription's endpoint with
 * {@code TTL}, {@code Urgency}, {@code Topic}, {@code Content-Encoding: aes128gcm} and the VAPID authorization.
 * Connections are pooled and kept alive per push service (HTTP/1.1), as many per service as
 * {@code gazette.push.concurrency}, the requests {@link PushSender} has in flight at most; every name is resolved by a resolver that refuses private, loopback and
 * link-local addresses (the webhooks' rule, ADR 37), so a reader cannot make the server call inside its own network;
 * loopback only when {@code gazette.push.allow-loopback} is set (tests). No redirect is followed; every step has the
 * timeout {@code gazette.push.timeout}.
 */
@Component
class PushClient {

    /** What the push service answered: its status and, when it asked for one, how long to wait. */
    record Answer(int status, Duration retryAfter) {
    }

    /** The headers of one message. */
    record Delivery(URI endpoint, byte[] body, Duration ttl, String urgency, String topic) {
    }

    private final CloseableHttpClient http;
    private final PoolingHttpClientConnectionManager connections;
    private final VapidKeys vapid;
    private final Clock clock;

    PushClient(PushProperties properties, VapidKeys vapid, Clock clock) {
        Timeout timeout = Timeout.ofMilliseconds(properties.timeout().toMillis());
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(guarded(properties.allowLoopback()))
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                        .setSocketTimeout(timeout).build())
                .setMaxConnPerRoute(properties.concurrency())
                .setMaxConnTotal(Math.max(128, properties.concurrency() * 4)).build();
        this.http = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().disableContentCompression().build();
        this.vapid = vapid;
        this.clock = clock;
    }

    Answer send(Delivery delivery) throws IOException {
        HttpPost post = new HttpPost(delivery.endpoint());
        post.setHeader("TTL", Long.toString(Math.max(0, delivery.ttl().toSeconds())));
        post.setHeader("Urgency", delivery.urgency());
        if (delivery.topic() != null) {
            post.setHeader("Topic", delivery.topic());
        }
        post.setHeader("Content-Encoding", "aes128gcm");
        post.setHeader("Authorization", vapid.authorization(delivery.endpoint()));
        post.setEntity(new ByteArrayEntity(delivery.body(), ContentType.APPLICATION_OCTET_STREAM));
        return http.execute(post, response -> {
            EntityUtils.consume(response.getEntity());
            var header = response.getFirstHeader("Retry-After");
            return new Answer(response.getCode(), header == null ? null : retryAfter(header.getValue()));
        });
    }

    /** {@code Retry-After} in seconds or as an HTTP date; {@code null} when it is neither. */
    Duration retryAfter(String value) {
        String text = value.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(text)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException notDate) {
                return null;
            }
        }
    }

    /** Resolves as the system does, then refuses the name if any of its addresses is private. */
    private static DnsResolver guarded(boolean allowLoopback) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
                for (InetAddress address : addresses) {
                    boolean loopback = address.isLoopbackAddress();
                    if (AddressGuard.isPrivate(address) && !(allowLoopback && loopback)) {
                        throw new UnknownHostException(host + " resolves to a private address; push refused");
                    }
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) throws UnknownHostException {
                return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
            }
        };
    }

    @PreDestroy
    void close() throws IOException {
        http.close();
        connections.close();
    }
}

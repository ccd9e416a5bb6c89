package news.gazette.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.BasicHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;

/**
 * Sends one webhook delivery to exactly the addresses {@link AddressGuard#pin} checked. The connection's resolver
 * answers the endpoint's host with those addresses and nothing else, so no second lookup can lead elsewhere (DNS
 * rebinding), while the request keeps the endpoint's name: in the {@code Host} header, in the TLS handshake (SNI) and
 * in the check of the server's certificate. No redirect is followed, no proxy is used, nothing is retried here (the
 * outbox retries), and each delivery has a connection of its own, closed after it.
 */
final class PinnedSender {

    /** How much of a receiver's answer is kept in the delivery log. */
    static final int KEPT_RESPONSE = 2000;

    /** The receiver's status and the start of its answer. */
    record Answer(int status, String body) {
    }

    private final Timeout timeout;
    private final TlsSocketStrategy tls = DefaultClientTlsStrategy.createDefault();

    PinnedSender(Duration timeout) {
        this.timeout = Timeout.ofMilliseconds(timeout.toMillis());
    }

    Answer post(AddressGuard.Pinned target, Map<String, String> headers, String payload) throws IOException {
        BasicHttpClientConnectionManager connections = BasicHttpClientConnectionManager.create(
                DefaultSchemePortResolver.INSTANCE, pinnedTo(target),
                RegistryBuilder.<TlsSocketStrategy>create().register("https", tls).build(),
                ManagedHttpClientConnectionFactory.INSTANCE);
        connections.setConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout).setSocketTimeout(timeout)
                .build());
        HttpPost post = new HttpPost(target.uri());
        headers.forEach(post::setHeader);
        post.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(timeout)
                        .setConnectionRequestTimeout(timeout).build())
                .disableRedirectHandling().disableAutomaticRetries().disableCookieManagement()
                .disableAuthCaching().disableContentCompression().disableDefaultUserAgent().build()) {
            ClassicHttpResponse response = client.executeOpen(null, post, null);
            try {
                HttpEntity entity = response.getEntity();
                String body = "";
                if (entity != null) {
                    try (InputStream in = entity.getContent()) {
                        body = new String(in.readNBytes(KEPT_RESPONSE), StandardCharsets.UTF_8);
                        // Abort rather than read what is left: the connection is not kept anyway.
                        post.cancel();
                    }
                }
                return new Answer(response.getCode(), body);
            } finally {
                response.close();
            }
        }
    }

    /** A resolver that knows one name, the endpoint's, and answers it with the addresses checked. */
    private static DnsResolver pinnedTo(AddressGuard.Pinned target) {
        InetAddress[] checked = target.addresses().toArray(InetAddress[]::new);
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                if (!target.host().equalsIgnoreCase(host)) {
                    throw new UnknownHostException(host + " is not the checked " + target.host());
                }
                return checked.clone();
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}

package news.gazette.platform.web;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.catalina.Valve;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The proxies whose {@code X-Forwarded-*} headers are believed ({@code gazette.proxies.trusted}): addresses or CIDR
 * blocks. A request from any other peer keeps its own address, scheme and host whatever it sends, so nobody can
 * choose the address the login throttle and view counting see. The default trusts loopback only (a proxy on the same
 * machine); an empty list trusts nobody.
 */
@ConfigurationProperties("gazette.proxies")
public record TrustedProxies(List<String> trusted) {

    public static final List<String> LOOPBACK = List.of("127.0.0.0/8", "::1/128");

    public TrustedProxies {
        trusted = trusted == null ? LOOPBACK : trusted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The list as Tomcat's forwarded-headers valve takes it: CIDR blocks, a single address as a block of one. */
    String internalProxies() {
        return trusted.stream().map(entry -> entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"))
                .collect(Collectors.joining(", "));
    }

    /** Makes every forwarded-headers valve among these trust exactly the configured proxies. */
    void applyTo(Iterable<? extends Valve> valves) {
        for (Valve valve : valves) {
            if (valve instanceof RemoteIpValve remoteIp) {
                // Tomcat reads an empty list as no proxy at all (the default would trust every private address).
                remoteIp.setInternalProxies(internalProxies());
                remoteIp.setTrustedProxies(null);
            }
        }
    }
}

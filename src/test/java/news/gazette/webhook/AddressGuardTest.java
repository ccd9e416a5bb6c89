package news.gazette.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

class AddressGuardTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void privateAndSpecialAddressesAreTold() throws Exception {
        for (String literal : new String[]{"127.0.0.1", "127.8.9.10", "10.1.2.3", "172.16.0.1", "172.31.255.255",
                "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::",
                "fe80::1", "fc00::1", "fd12:3456::1", "ff02::1", "::ffff:10.0.0.1", "::127.0.0.1", "64:ff9b::a00:1",
                "::ffff:127.0.0.1", "64:ff9b::7f00:1", "0.1.2.3", "198.18.0.1", "198.19.255.255", "240.0.0.1",
                "239.1.1.1", "ff0e::1", "fec0::1", "febf::1",
                // 6to4 embedding 127.0.0.1, 10.0.0.1 and 169.254.169.254; Teredo with client 127.0.0.1 (inverted)
                "2002:7f00:1::1", "2002:a00:1::", "2002:a9fe:a9fe::1", "2001:0:4136:e378:8000:63bf:80ff:fffe"}) {
            assertThat(AddressGuard.isPrivate(ip(literal))).as(literal).isTrue();
        }
        for (String literal : new String[]{"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1", "2001:0:4136:e378:8000:63bf:f7f7:f7f7"}) {
            assertThat(AddressGuard.isPrivate(ip(literal))).as(literal).isFalse();
        }
    }

    @Test
    void aNameIsRefusedWhenAnyOfItsAddressesIsPrivate() throws Exception {
        AddressGuard guard = new AddressGuard(host -> new InetAddress[]{ip("93.184.216.34"), ip("10.0.0.5")});
        assertThatThrownBy(() -> guard.check("https://hooks.example.org/in", false)).isInstanceOf(AddressRefused.class);
        assertThat(guard.check("https://hooks.example.org/in", true).getHost()).isEqualTo("hooks.example.org");

        AddressGuard publicOnly = new AddressGuard(host -> new InetAddress[]{ip("93.184.216.34")});
        assertThat(publicOnly.check("https://hooks.example.org/in", false).toString()).isEqualTo("https://hooks.example.org/in");
        assertThatThrownBy(() -> publicOnly.check("gopher://hooks.example.org/", true))
                .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.messageKey()).isEqualTo("webhooks.refused.url"));

        AddressGuard unknown = new AddressGuard(host -> {
            throw new UnknownHostException(host);
        });
        assertThatThrownBy(() -> unknown.check("https://nowhere.invalid/", false))
                .isInstanceOfSatisfying(AddressRefused.class, e -> assertThat(e.messageKey()).isEqualTo("webhooks.refused.unknown-host"));
    }

    @Test
    void backoffDoublesUpToItsCeiling() {
        WebhookProperties properties = new WebhookProperties(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(5), 10, java.time.Duration.ofSeconds(10));
        assertThat(properties.backoff(1)).hasSeconds(30);
        assertThat(properties.backoff(2)).hasSeconds(60);
        assertThat(properties.backoff(3)).hasSeconds(120);
        assertThat(properties.backoff(5)).hasMinutes(5);
        assertThat(properties.backoff(60)).hasMinutes(5);
    }
}

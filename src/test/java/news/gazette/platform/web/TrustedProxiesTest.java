package news.gazette.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.catalina.valves.RemoteIpValve;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    @Test
    void byDefaultOnlyLoopbackIsTrustedNotEveryPrivateAddress() {
        RemoteIpValve valve = new RemoteIpValve();
        assertThat(valve.getInternalProxies()).as("Tomcat's default").contains("10.0.0.0/8");

        new TrustedProxies(null).applyTo(List.of(valve));

        assertThat(valve.getInternalProxies()).doesNotContain("10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12")
                .contains("127.0.0.0/8", "::1/128");
    }

    @Test
    void configuredAddressesBecomeBlocksAndAnEmptyListTrustsNobody() {
        RemoteIpValve valve = new RemoteIpValve();

        new TrustedProxies(List.of(" 10.9.9.9", "2001:db8::1", "192.0.2.0/24", "")).applyTo(List.of(valve));
        assertThat(valve.getInternalProxies()).contains("10.9.9.9/32", "2001:db8::1/128", "192.0.2.0/24");

        new TrustedProxies(List.of()).applyTo(List.of(valve));
        assertThat(valve.getInternalProxies()).isNull();
    }
}

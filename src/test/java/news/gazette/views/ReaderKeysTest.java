package news.gazette.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

class ReaderKeysTest {

    @Test
    void anIpv4AddressIsItsOwnNetworkAndAnIpv6AddressItsSlash64() {
        assertThat(ReaderKeys.prefixOf("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(ReaderKeys.prefixOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ReaderKeys.prefixOf("2001:0db8:0001:0002::1")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ReaderKeys.prefixOf("[2001:db8:1:2::1]")).isEqualTo("2001:db8:1:2::/64");
        assertThat(ReaderKeys.prefixOf("fe80::1%eth0")).isEqualTo("fe80:0:0:0::/64");
        assertThat(ReaderKeys.prefixOf("::1")).isEqualTo("0:0:0:0::/64");
        assertThat(ReaderKeys.prefixOf("::ffff:198.51.100.4")).isEqualTo("198.51.100.4");
        assertThat(ReaderKeys.prefixOf("0:0:0:0:0:ffff:c633:6404")).isEqualTo("198.51.100.4");
    }

    @Test
    void textThatIsNoAddressIsKeptAsItComesAndNeverLookedUp() {
        for (String odd : new String[] {"1:2", "1::2::3", "1:2:3:4:5:6:7:8:9", "12345::1", "::1.2.3", "::1.2.3.400",
                "example.org", "", "null"}) {
            assertThat(ReaderKeys.prefixOf(odd)).isEqualTo(odd);
        }
        assertThat(ReaderKeys.prefixOf(null)).isEqualTo("null");
    }

    @Test
    void userAgentsFromOneNetworkAreDistinctReadersOfOneNetwork() {
        ReaderKeys keys = new ReaderKeys(Clock.systemUTC());
        assertThat(keys.network("2001:db8:1:2::1")).isEqualTo(keys.network("2001:db8:1:2::ffff"));
        assertThat(keys.network("2001:db8:1:2::1")).isNotEqualTo(keys.network("2001:db8:1:3::1"));
        assertThat(keys.reader("203.0.113.7", "a")).isNotEqualTo(keys.reader("203.0.113.7", "b"));
        assertThat(keys.reader("2001:db8:1:2::1", "a")).isEqualTo(keys.reader("2001:db8:1:2::2", "a"));
    }
}

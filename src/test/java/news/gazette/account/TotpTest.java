package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The one-time password math against RFC 6238's own test values, and Base32 both ways. */
class TotpTest {

    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void codesAreTheLastSixDigitsOfTheRfcTestValues() {
        // RFC 6238 appendix B, SHA-1: 94287082, 07081804, 14050471, 89005924, 69279037, 65353130.
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(59L)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111109L)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1111111111L)))).isEqualTo("050471");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(1234567890L)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(2000000000L)))).isEqualTo("279037");
        assertThat(Totp.code(RFC_KEY, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsTakenOneStepEitherSideAndNoFurther() {
        Instant now = Instant.parse("2026-12-06T10:00:15Z");
        long step = Totp.step(now);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step), now)).isEqualTo(step);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 1), now)).isEqualTo(step - 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 1), now)).isEqualTo(step + 1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step - 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, Totp.code(RFC_KEY, step + 2), now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "12345", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, "12a456", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_KEY, null, now)).isEqualTo(-1);
    }

    @Test
    void base32IsRfc4648AndReadsBackWhatItWrites() {
        // RFC 4648 section 10, without padding.
        assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Totp.base32("f".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MY");
        assertThat(new String(Totp.fromBase32("mzxw 6ytb oi"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 200; i++) {
            byte[] bytes = new byte[random.nextInt(41)];
            random.nextBytes(bytes);
            assertThat(Totp.fromBase32(Totp.base32(bytes))).isEqualTo(bytes);
        }
    }
}

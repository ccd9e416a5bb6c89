package news.gazette.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

import org.junit.jupiter.api.Test;

/**
 * The encryption against the example of RFC 8291, Appendix A (the sender's key pair and salt fixed), byte for byte,
 * so that it is proven right by the RFC itself and not only by a decryption that shares its curve arithmetic; and
 * fresh messages to the same browser decrypted by {@link BrowserKeys}, each with a key and salt of its own.
 */
class PushEncryptionTest {

    // RFC 8291, Appendix A.
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocI"
            + "nmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";

    @Test
    void theRfcExampleIsReproducedByteForByte() throws Exception {
        byte[] body = PushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), EcKeys.fromBase64Url(UA_PUBLIC),
                EcKeys.fromBase64Url(AUTH), new BigInteger(1, EcKeys.fromBase64Url(AS_PRIVATE)), EcKeys.fromBase64Url(SALT));
        assertThat(EcKeys.base64Url(body)).isEqualTo(BODY);
    }

    @Test
    void everyMessageHasItsOwnKeyAndSaltAndTheBrowserReadsIt() throws Exception {
        BrowserKeys browser = new BrowserKeys();
        byte[] text = "{\"title\":\"Breaking\"}".getBytes(StandardCharsets.UTF_8);
        byte[] first = PushEncryption.encrypt(text, browser.publicPoint, browser.auth);
        byte[] second = PushEncryption.encrypt(text, browser.publicPoint, browser.auth);
        assertThat(new String(browser.decrypt(first), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Breaking\"}");
        assertThat(new String(browser.decrypt(second), StandardCharsets.UTF_8)).isEqualTo("{\"title\":\"Breaking\"}");
        assertThat(java.util.Arrays.copyOfRange(first, 0, 16)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 0, 16));
        assertThat(java.util.Arrays.copyOfRange(first, 21, 86)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 21, 86));
    }

    @Test
    void aKeyThatIsNoPointOfTheCurveIsRefused() {
        byte[] notOnCurve = new byte[65];
        notOnCurve[0] = 4;
        notOnCurve[64] = 1;
        assertThatThrownBy(() -> PushEncryption.encrypt(new byte[]{1}, notOnCurve, new byte[16]))
                .isInstanceOf(GeneralSecurityException.class);
    }
}

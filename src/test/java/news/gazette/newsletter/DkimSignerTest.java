package news.gazette.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.james.jdkim.DKIMVerifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * DKIM signatures on bodies whose relaxed canonicalization has something to do (runs of blanks, blanks at line ends
 * and line starts, empty lines at the end, no line end at the end), and from several threads at once with
 * one signer, each checked by Apache James jDKIM (not the code that signed).
 */
class DkimSignerTest {

    static DkimSigner signer;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Path pem = Files.createTempFile("dkim", ".pem");
        Files.writeString(pem, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        signer = new DkimSigner(pem, "news.example", "test");
    }

    @Test
    void bodiesWithBlanksAndEmptyLinesAreSignedAsTheVerifierReadsThem() throws Exception {
        // No empty body: RFC 6376 and RFC 4871 read a relaxed empty body differently (jDKIM follows the older), and a
        // newsletter mail always has one.
        List<String> bodies = List.of("one line", "one line\r\n", "a  \t b \r\n\r\n\r\n",
                "  lead\r\n \t\r\nmiddle\t\r\n  \r\n\t\r\n", "x\r\n\r\ny", "=3D quoted=\r\n printable  =20\r\n",
                "tab\tinside\r\n\r\n\r\nand after\r\n");
        for (String body : bodies) {
            assertThat(verify(sign(body))).as("body %s", body.replace("\r\n", "\\r\\n")).isTrue();
        }
        // The verifier is not lenient: a body changed after signing fails.
        byte[] signed = sign("one line\r\n");
        byte[] changed = new String(signed, StandardCharsets.ISO_8859_1).replace("one line", "one lane")
                .getBytes(StandardCharsets.ISO_8859_1);
        assertThat(verify(changed)).isFalse();
    }

    @Test
    void oneSignerSignsFromManyThreadsAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<byte[]>> signed = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                String body = "mail " + i + "\r\n" + "text ".repeat(i * 50) + "\r\n";
                signed.add(threads.submit(() -> sign(body)));
            }
            for (Future<byte[]> message : signed) {
                assertThat(verify(message.get())).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private static byte[] sign(String body) {
        String message = "From: letters@news.example\r\nTo: reader@example.org\r\nSubject: Today\r\n"
                + "Message-ID: <1@news.example>\r\n\r\n" + body;
        return signer.sign(message.getBytes(StandardCharsets.ISO_8859_1), 1_700_000_000L);
    }

    private static boolean verify(byte[] message) {
        DKIMVerifier verifier = new DKIMVerifier((method, selector, domain) -> List.of(signer.record()));
        try {
            return verifier.verify(new ByteArrayInputStream(message)).size() == 1;
        } catch (Exception failed) {
            return false;
        }
    }
}

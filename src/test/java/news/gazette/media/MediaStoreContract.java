package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

/**
 * What every media store does, whichever holds the bytes: a put can be read back whole, looked for, and deleted;
 * a missing key is empty rather than an error.
 */
abstract class MediaStoreContract {

    abstract MediaStore store();

    @Test
    void whatIsPutCanBeReadBackFoundAndDeleted() throws Exception {
        byte[] bytes = TestImages.jpeg(64, 48);
        store().put("0123abcd.jpg", new ByteArrayInputStream(bytes), bytes.length, "image/jpeg");

        assertThat(store().exists("0123abcd.jpg")).isTrue();
        try (InputStream in = store().get("0123abcd.jpg").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
        store().delete("0123abcd.jpg");
        assertThat(store().exists("0123abcd.jpg")).isFalse();
        assertThat(store().get("0123abcd.jpg")).isEmpty();
    }

    @Test
    void aMissingKeyIsEmptyAndDeletingItIsNoError() throws Exception {
        assertThat(store().exists("nothing-here.png")).isFalse();
        assertThat(store().get("nothing-here.png")).isEmpty();
        store().delete("nothing-here.png");
    }

    @Test
    void aLargerFileStreamsThroughUnchanged() throws Exception {
        byte[] bytes = new byte[3 * 1024 * 1024 + 17];
        new java.util.Random(7).nextBytes(bytes);
        store().put("large-file.png", new ByteArrayInputStream(bytes), bytes.length, "image/png");
        try (InputStream in = store().get("large-file.png").orElseThrow()) {
            assertThat(in.readAllBytes()).isEqualTo(bytes);
        }
    }
}

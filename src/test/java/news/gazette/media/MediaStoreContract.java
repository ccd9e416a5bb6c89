package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

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

    @Test
    void theListNamesEveryFileWithTheTimeItWasWritten() throws Exception {
        java.time.Instant before = java.time.Instant.now().minus(java.time.Duration.ofDays(3650));
        for (String key : List.of("aaaa1111.png", "aaaa1111-320w.png", "bbbb2222.jpg")) {
            byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            store().put(key, new ByteArrayInputStream(bytes), bytes.length, "image/png");
        }
        store().delete("bbbb2222.jpg");
        assertThat(store().list()).extracting(MediaStore.Stored::key)
                .containsExactlyInAnyOrder("aaaa1111.png", "aaaa1111-320w.png");
        assertThat(store().list()).allSatisfy(file -> assertThat(file.modified()).isAfter(before));
    }
}

package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMediaStoreTest extends MediaStoreContract {

    @TempDir
    Path folder;

    @Override
    MediaStore store() {
        return new LocalMediaStore(folder.resolve("media"));
    }

    @Test
    void keysCannotLeaveTheFolderAndNoTemporaryFileIsLeft() throws Exception {
        assertThatThrownBy(() -> store().get("../secret.txt")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put("a/b.png", new ByteArrayInputStream(new byte[1]), 1, "image/png"))
                .isInstanceOf(IllegalArgumentException.class);
        store().put("kept.png", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "image/png");
        try (var files = Files.list(folder.resolve("media"))) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("kept.png");
        }
    }
}

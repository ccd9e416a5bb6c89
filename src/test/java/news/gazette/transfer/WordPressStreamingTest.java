package news.gazette.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A WordPress export is read as a stream: the posts are handed over one by one while the file is still being read,
 * never after reading it whole (into a String, a DOM or a tree of every element).
 */
class WordPressStreamingTest {

    @TempDir Path temp;

    /** Counts the bytes the parser has taken from the file so far. */
    private static final class Counted extends FilterInputStream {
        private final AtomicLong read;

        Counted(InputStream in, AtomicLong read) {
            super(in);
            this.read = read;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                read.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                read.addAndGet(n);
            }
            return n;
        }
    }

    @Test
    void postsAreHandedOverOneByOneWhileTheFileIsStillBeingRead() throws Exception {
        Path file = GeneratedWordPressExport.write(temp.resolve("large.xml"), 2000, 2000);
        long size = Files.size(file);
        AtomicLong read = new AtomicLong();
        SourceExport export = WordPressExport.read(() -> new Counted(Files.newInputStream(file), read), true);
        assertThat(read.get()).as("the first pass reads the whole file for authors, terms and images").isEqualTo(size);
        assertThat(export.authors()).extracting(SourceExport.Person::id).containsExactly("nora");

        read.set(0);
        List<Long> readAtEachPost = new ArrayList<>();
        List<String> titles = new ArrayList<>();
        export.stories().forEach(entry -> {
            readAtEachPost.add(read.get());
            titles.add(entry.title());
        });

        assertThat(titles).hasSize(2000).startsWith("Generated story 1", "Generated story 2")
                .endsWith("Generated story 2000");
        assertThat(readAtEachPost.get(0)).as("bytes read when the first of %s bytes of posts arrives", size)
                .isLessThan(size / 100);
        assertThat(readAtEachPost.get(1000)).as("bytes read when post 1001 arrives")
                .isBetween(size * 45 / 100, size * 55 / 100);
        assertThat(read.get()).isEqualTo(size);
    }
}

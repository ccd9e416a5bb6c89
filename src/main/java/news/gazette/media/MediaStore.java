package news.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the bytes of stored images live, by key: a folder on disk or an S3-compatible bucket
 * ({@code gazette.media.store}). Keys are the content-hashed file names the library gives, so a key is written once
 * and never changes its content.
 */
public interface MediaStore {

    /** Writes the file under the key, replacing nothing that readers could see half-written. */
    void put(String key, InputStream content, long length, String contentType) throws IOException;

    /** The file's bytes to stream, or empty when there is no such key. The caller closes the stream. */
    Optional<InputStream> get(String key) throws IOException;

    boolean exists(String key) throws IOException;

    /** Removes the file; removing a missing key is not an error. */
    void delete(String key) throws IOException;

    /** Every file in the store with when it was written, for the sweep of files no database row names. */
    List<Stored> list() throws IOException;

    /** A file in the store: its key and when it was last written. */
    record Stored(String key, Instant modified) {
    }
}

package news.gazette.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Keeps media files in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…) through the AWS SDK. Objects get a
 * year-long, immutable {@code Cache-Control}, since a key never changes its content.
 */
final class S3MediaStore implements MediaStore {

    private static final String CACHE_CONTROL = "public, max-age=31536000, immutable";

    private final S3Client client;
    private final String bucket;
    private final String prefix;

    S3MediaStore(S3Client client, String bucket, String prefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
    }

    @Override
    public void put(String key, InputStream content, long length, String contentType) throws IOException {
        // The SDK may need to read the body twice (signing, a retry); a file can be, a stream cannot.
        Path temp = Files.createTempFile("gazette-s3", ".tmp");
        try {
            Files.copy(content, temp, StandardCopyOption.REPLACE_EXISTING);
            client.putObject(b -> b.bucket(bucket).key(prefix + key).contentType(contentType)
                    .cacheControl(CACHE_CONTROL), RequestBody.fromFile(temp));
        } catch (S3Exception e) {
            throw new IOException("Could not store " + key + " in bucket " + bucket, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        try {
            return Optional.of(client.getObject(b -> b.bucket(bucket).key(prefix + key)));
        } catch (NoSuchKeyException missing) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("Could not read " + key + " from bucket " + bucket, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        try {
            client.headObject(b -> b.bucket(bucket).key(prefix + key));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw new IOException("Could not look for " + key + " in bucket " + bucket, e);
        }
    }

    @Override
    public List<Stored> list() throws IOException {
        List<Stored> found = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                String key = object.key().substring(prefix.length());
                if (!key.isEmpty() && key.indexOf('/') < 0) {
                    found.add(new Stored(key, object.lastModified()));
                }
            }
        } catch (S3Exception e) {
            throw new IOException("Could not list bucket " + bucket, e);
        }
        return found;
    }

    @Override
    public void delete(String key) throws IOException {
        try {
            client.deleteObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (S3Exception e) {
            throw new IOException("Could not delete " + key + " from bucket " + bucket, e);
        }
    }
}

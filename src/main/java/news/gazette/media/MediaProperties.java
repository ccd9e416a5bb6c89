package news.gazette.media;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the media library takes and keeps images.
 *
 * @param store       where files go: {@code local} (a folder under the data directory) or {@code s3}
 * @param maxFileSize the largest upload accepted, checked before anything is decoded
 * @param maxPixels   the most pixels (width × height, from the file's header) an upload may have
 * @param maxSide     the longest side in pixels an upload may have
 * @param widths      the widths of the variants made for {@code srcset}; never wider than the original
 * @param quality     JPEG quality of stored images, 0 to 1
 * @param s3          the bucket when {@code store} is {@code s3}
 * @param decodeMemory how much memory decoding images may take at once on a node (estimated from each image's
 *                     header before decoding); a third of the heap when not set
 * @param decodeWait   how long an image waits for its share of that memory before it is refused as busy
 */
@ConfigurationProperties("gazette.media")
public record MediaProperties(
        @DefaultValue("local") String store,
        @DefaultValue("20MB") DataSize maxFileSize,
        @DefaultValue("50000000") long maxPixels,
        @DefaultValue("12000") int maxSide,
        @DefaultValue({"320", "640", "960", "1280", "1920"}) List<Integer> widths,
        @DefaultValue("0.82") float quality,
        @DefaultValue S3 s3,
        DataSize decodeMemory,
        @DefaultValue("15s") Duration decodeWait) {

    /**
     * @param bucket    the bucket's name
     * @param region    the region the SDK signs for; S3-compatible stores usually accept any
     * @param endpoint  the store's address when it is not AWS (MinIO, Ceph, R2…); empty for AWS
     * @param pathStyle {@code true} for {@code endpoint/bucket/key} addresses, as most S3-compatible stores want
     * @param prefix    a folder inside the bucket every key is put under
     */
    public record S3(String bucket, @DefaultValue("us-east-1") String region, URI endpoint,
                     @DefaultValue("false") boolean pathStyle, @DefaultValue("media/") String prefix) {
    }
}

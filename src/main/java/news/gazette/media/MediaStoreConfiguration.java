package news.gazette.media;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses the media store by {@code gazette.media.store}: {@code local} (default) or {@code s3} (ADR 10).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MediaProperties.class)
class MediaStoreConfiguration {

    @Bean
    MediaStore mediaStore(MediaProperties properties, @Value("${gazette.data-dir}") Path dataDir) {
        return switch (properties.store()) {
            case "local" -> new LocalMediaStore(dataDir.resolve("media"));
            case "s3" -> s3(properties.s3());
            default -> throw new IllegalStateException("gazette.media.store must be local or s3, not " + properties.store());
        };
    }

    /** Credentials come from the SDK's usual chain: environment, system properties, profile files, instance role. */
    static MediaStore s3(MediaProperties.S3 s3) {
        if (s3 == null || s3.bucket() == null || s3.bucket().isBlank()) {
            throw new IllegalStateException("gazette.media.s3.bucket is needed when gazette.media.store=s3");
        }
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .forcePathStyle(s3.pathStyle())
                // S3-compatible stores do not all know the newer checksum headers; send them only where required.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s3.endpoint() != null) {
            builder.endpointOverride(s3.endpoint());
        }
        return new S3MediaStore(builder.build(), s3.bucket(), s3.prefix());
    }
}

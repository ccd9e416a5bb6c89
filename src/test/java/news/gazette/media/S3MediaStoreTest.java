package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a small S3 look-alike in the test (PUT, GET, HEAD, DELETE of objects, path-style), so the
 * real SDK sends real HTTP requests, as it would to MinIO.
 */
class S3MediaStoreTest extends MediaStoreContract {

    private HttpServer server;
    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final Map<String, String> cacheControls = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private S3MediaStore store;

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        S3Client client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.of("us-east-1"))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test-key", "test-secret")))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        store = new S3MediaStore(client, "gazette-media", "media/");
    }

    @AfterEach
    void stopFakeS3() {
        server.stop(0);
    }

    @Override
    MediaStore store() {
        return store;
    }

    @Test
    void objectsGoToTheBucketUnderThePrefixWithTheirTypeAndAYearLongCacheLife() throws Exception {
        byte[] bytes = TestImages.png(20, 10);
        store.put("abc123.png", new ByteArrayInputStream(bytes), bytes.length, "image/png");
        assertThat(objects).containsOnlyKeys("/gazette-media/media/abc123.png");
        assertThat(types.get("/gazette-media/media/abc123.png")).isEqualTo("image/png");
        assertThat(cacheControls.get("/gazette-media/media/abc123.png")).contains("max-age=31536000", "immutable");
        assertThat(requests).allSatisfy(r -> assertThat(r).contains("AWS4-HMAC-SHA256"));
    }

    @Test
    void theConfigurationBuildsAnS3StoreOnlyWithABucket() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> MediaStoreConfiguration.s3(
                new MediaProperties.S3(null, "us-east-1", null, true, "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bucket");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + path + " "
                + exchange.getRequestHeaders().getFirst("Authorization"));
        try (exchange) {
            switch (exchange.getRequestMethod()) {
                case "PUT" -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    if ("aws-chunked".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                        body = unchunk(body);
                        assertThat(body.length).isEqualTo(Integer.parseInt(
                                exchange.getRequestHeaders().getFirst("X-amz-decoded-content-length")));
                    }
                    objects.put(path, body);
                    types.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")));
                    cacheControls.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("Cache-Control")));
                    exchange.getResponseHeaders().add("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
                    exchange.sendResponseHeaders(200, -1);
                }
                case "GET" -> {
                    if (String.valueOf(exchange.getRequestURI().getQuery()).contains("list-type=2")) {
                        list(exchange, path);
                        return;
                    }
                    byte[] body = objects.get(path);
                    if (body == null) {
                        notFound(exchange, true);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Type", types.get(path));
                    exchange.sendResponseHeaders(200, body.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(body);
                    }
                }
                case "HEAD" -> {
                    byte[] body = objects.get(path);
                    if (body == null) {
                        notFound(exchange, false);
                        return;
                    }
                    exchange.getResponseHeaders().add("Content-Length", String.valueOf(body.length));
                    exchange.getResponseHeaders().add("Content-Type", types.get(path));
                    exchange.sendResponseHeaders(200, -1);
                }
                case "DELETE" -> {
                    objects.remove(path);
                    exchange.sendResponseHeaders(204, -1);
                }
                default -> exchange.sendResponseHeaders(405, -1);
            }
        }
    }

    /** ListObjectsV2 of the bucket, every object under the prefix asked for, in one page. */
    private void list(HttpExchange exchange, String bucketPath) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String prefix = "";
        for (String pair : query.split("&")) {
            if (pair.startsWith("prefix=")) {
                prefix = pair.substring("prefix=".length());
            }
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>gazette-media</Name>"
                + "<Prefix>" + prefix + "</Prefix><IsTruncated>false</IsTruncated>");
        String start = bucketPath.endsWith("/") ? bucketPath : bucketPath + "/";
        for (String object : objects.keySet()) {
            String key = object.startsWith(start) ? object.substring(start.length()) : null;
            if (key != null && key.startsWith(prefix)) {
                xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2026-01-02T03:04:05.000Z")
                        .append("</LastModified><Size>").append(objects.get(object).length).append("</Size></Contents>");
            }
        }
        byte[] body = xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** Undoes the SDK's signed chunks ({@code <hex size>;chunk-signature=…\r\n<data>\r\n}…), as S3 does. */
    private static byte[] unchunk(byte[] body) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOfCrLf(body, at);
            String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";")[0], 16);
            if (size == 0) {
                return out.toByteArray();
            }
            out.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static int indexOfCrLf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) {
            if (b[i] == '\r' && b[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("No chunk header");
    }

    private static void notFound(HttpExchange exchange, boolean withBody) throws IOException {
        if (!withBody) {
            exchange.sendResponseHeaders(404, -1);
            return;
        }
        byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        exchange.sendResponseHeaders(404, error.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(error);
        }
    }
}

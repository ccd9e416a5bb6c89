package news.gazette.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The API's OpenAPI 3 document ({@code /api/v1/openapi.json}, written by hand and checked against the running API by
 * tests) and Swagger UI reading it ({@code /api/docs}).
 */
@RestController
class ApiDocs {

    static final String DOCUMENT = "/api/v1/openapi.json";
    static final String UI = "/api/docs";

    private final byte[] document = read("api/openapi-v1.json");
    private final byte[] page = read("api/docs.html");
    private final byte[] script = read("api/initializer.js");

    @GetMapping(path = DOCUMENT, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> document() {
        return ApiAnswers.builder(List.of("api-docs")).body(document);
    }

    @GetMapping(path = {UI, UI + "/"})
    ResponseEntity<byte[]> page() {
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache()).body(page);
    }

    @GetMapping(path = UI + "/initializer.js")
    ResponseEntity<byte[]> script() {
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript"))
                .cacheControl(CacheControl.noCache()).body(script);
    }

    private static byte[] read(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Missing " + path, e);
        }
    }
}

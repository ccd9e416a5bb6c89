package news.gazette.reader;

import java.time.Duration;

import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaTypes;
import news.gazette.platform.web.PageNotFoundException;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored images and their variants from the media store. A file's name is the hash of its content, so
 * browsers and CDNs may keep it for a year. The content type comes from the name's extension through the fixed map of
 * {@link MediaTypes} (never from the row), with a sandboxing Content-Security-Policy and {@code nosniff}: whatever a
 * file holds, the site's origin never runs it as a page or a script.
 */
@RestController
class MediaFiles {

    private final MediaLibrary library;

    MediaFiles(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{fileName:.+}")
    ResponseEntity<Resource> file(@PathVariable String fileName) {
        String type = MediaTypes.of(fileName).orElseThrow(() -> new PageNotFoundException("No media " + fileName));
        MediaLibrary.File file = library.open(fileName).orElseThrow(() -> new PageNotFoundException("No media " + fileName));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .contentType(MediaType.parseMediaType(type))
                .header("Content-Security-Policy", MediaTypes.CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .body(new InputStreamResource(file.content()));
    }
}

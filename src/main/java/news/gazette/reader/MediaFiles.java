package news.gazette.reader;

import java.time.Duration;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.PageNotFoundException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored images. A file's name never changes its content, so browsers may keep it for a year.
 */
@RestController
class MediaFiles {

    private final MediaLibrary library;

    MediaFiles(MediaLibrary library) {
        this.library = library;
    }

    @GetMapping("/media/{fileName:.+}")
    ResponseEntity<Resource> file(@PathVariable String fileName) {
        Media media = library.byFileName(fileName).orElseThrow(() -> new PageNotFoundException("No media " + fileName));
        var path = library.file(media).orElseThrow(() -> new PageNotFoundException("Missing file " + fileName));
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
                .contentType(MediaType.parseMediaType(media.contentType()))
                .body(new FileSystemResource(path));
    }
}

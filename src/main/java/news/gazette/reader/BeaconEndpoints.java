package news.gazette.reader;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.PageNotFoundException;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The beacon's addresses as ordinary endpoints. {@link BeaconFilter} answers beacons for published stories before
 * they get here; what arrives here is mostly an id with no published story, answered with the reader site's 404.
 */
@RestController
class BeaconEndpoints {

    private final ViewBeacons beacons;

    BeaconEndpoints(ViewBeacons beacons) {
        this.beacons = beacons;
    }

    @PostMapping(value = "/views/{id:[0-9]{1,18}}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> count(@PathVariable long id, HttpServletRequest request) {
        long total = beacons.count(id, request).orElseThrow(() -> new PageNotFoundException("No story " + id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.APPLICATION_JSON)
                .body(ViewBeacons.answer(total));
    }

    @GetMapping("/views/{id:[0-9]{1,18}}/pixel.gif")
    ResponseEntity<byte[]> pixel(@PathVariable long id, HttpServletRequest request) {
        beacons.count(id, request).orElseThrow(() -> new PageNotFoundException("No story " + id));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).contentType(MediaType.IMAGE_GIF)
                .body(ViewBeacons.PIXEL);
    }
}

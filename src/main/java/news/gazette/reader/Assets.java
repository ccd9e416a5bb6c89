package news.gazette.reader;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static asset URLs with a content hash in the name, so browsers may keep them for a year.
 */
@Component
class Assets {

    private final ResourceUrlProvider urls;

    Assets(ResourceUrlProvider urls) {
        this.urls = urls;
    }

    /** The resource chain keeps what it resolved for the life of the application, and so may this. */
    private final Map<String, String> versioned = new ConcurrentHashMap<>();

    String url(String path) {
        String known = versioned.get(path);
        if (known != null) {
            return known;
        }
        String url = urls.getForLookupPath(path);
        if (url == null) {
            return path;
        }
        versioned.put(path, url);
        return url;
    }
}

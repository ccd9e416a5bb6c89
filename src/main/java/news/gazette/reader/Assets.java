package news.gazette.reader;

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

    String url(String path) {
        String versioned = urls.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }
}

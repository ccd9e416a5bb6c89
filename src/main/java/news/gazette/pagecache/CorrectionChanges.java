package news.gazette.pagecache;

import java.util.LinkedHashSet;
import java.util.Set;

import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.story.StoryCorrected;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges what a correction or update note changes: the story's own pages (and its answers in the API), the edition's
 * feeds and its corrections page. Front, section and other story pages stay cached.
 */
@Component
class CorrectionChanges {

    private final PageCache cache;

    CorrectionChanges(PageCache cache) {
        this.cache = cache;
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(StoryCorrected event) {
        cache.purgeHere(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(StoryCorrected event) {
        cache.purgeCdn(tagsOf(event));
    }

    static Set<String> tagsOf(StoryCorrected event) {
        Set<String> purge = new LinkedHashSet<>();
        purge.add(CacheTags.story(event.storyId()));
        purge.add(CacheTags.feeds(event.edition()));
        purge.add(CacheTags.corrections(event.edition()));
        return purge;
    }
}

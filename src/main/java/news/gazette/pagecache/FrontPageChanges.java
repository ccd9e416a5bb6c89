package news.gazette.pagecache;

import java.util.Set;

import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.story.FrontPageArranged;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Purges exactly the edition's front page when its arrangement changes: the reader's page and the API's answer carry
 * the {@link CacheTags#arrangement} tag, and no other page does
 * (the API's story lists carry the front page's tag, so it would purge them too). On every node when the change feed tells it; at the CDN once.
 */
@Component
class FrontPageChanges {

    private final PageCache cache;

    FrontPageChanges(PageCache cache) {
        this.cache = cache;
    }

    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    void on(FrontPageArranged event) {
        cache.purgeHere(tagsOf(event));
    }

    @OncePerCluster
    void atTheCdn(FrontPageArranged event) {
        cache.purgeCdn(tagsOf(event));
    }

    static Set<String> tagsOf(FrontPageArranged event) {
        return Set.of(CacheTags.arrangement(event.edition()));
    }
}

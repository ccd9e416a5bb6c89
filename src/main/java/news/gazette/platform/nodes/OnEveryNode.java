package news.gazette.platform.nodes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.event.EventListener;

/**
 * Marks the handler of an effect every node must have for itself: its page cache, its search index on its own disk,
 * what it keeps in memory. The change feed calls it on every node, the one that made the change included, once the
 * change has committed (on that node right after the commit, in the committing thread; on the others within a second).
 * Write one such handler per event and effect, whatever node the change came from. Order several handlers of one event
 * with {@link org.springframework.core.annotation.Order} (kept copies first, pages after).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@EventListener(condition = "T(news.gazette.platform.nodes.EveryNode).telling()")
public @interface OnEveryNode {
}

package news.gazette.platform.nodes;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * Marks the handler of an effect that must happen once for the whole cluster: a webhook delivery, a purge at the CDN.
 * It runs on the node that made the change, through the outbox: after the commit, in a transaction of its own, and
 * again after a crash until it completes. Other nodes, told of the change by the change feed, do not run it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ApplicationModuleListener(condition = "!T(news.gazette.platform.nodes.EveryNode).telling()")
public @interface OncePerCluster {
}

package news.gazette.cluster;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import news.gazette.platform.nodes.DomainEvent;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.nodes.OncePerCluster;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every handler of a domain event in Gazette's code says where its effect belongs ({@link OnEveryNode} or
 * {@link OncePerCluster}), and no component handles one event twice for one effect: there is no second handler for
 * "the same change, made on another node". Only the change feed's writer listens otherwise.
 */
class OneHandlerPerEventTest {

    @Test
    void everyHandlerOfADomainEventIsOnEveryNodeOrOncePerClusterAndThereIsOneOfEachPerEvent() throws Exception {
        List<String> undeclared = new ArrayList<>();
        Map<String, List<String>> handlers = new TreeMap<>();
        for (Class<?> component : components()) {
            for (Method method : component.getDeclaredMethods()) {
                if (!AnnotatedElementUtils.hasAnnotation(method, EventListener.class) || method.getParameterCount() != 1) {
                    continue;
                }
                Class<?> event = method.getParameterTypes()[0];
                if (!DomainEvent.class.isAssignableFrom(event)) {
                    continue;
                }
                String where = method.isAnnotationPresent(OnEveryNode.class) ? "every node"
                        : method.isAnnotationPresent(OncePerCluster.class) ? "once per cluster" : null;
                if (where == null) {
                    if (component != ChangeLog.class) {
                        undeclared.add(component.getName() + "." + method.getName());
                    }
                    continue;
                }
                handlers.computeIfAbsent(component.getName() + " / " + where, k -> new ArrayList<>()).add(event.getName());
            }
        }
        assertThat(undeclared).as("handlers of domain events that do not say where their effect belongs").isEmpty();
        assertThat(handlers).as("the page cache, search, kept copies and webhooks handle events")
                .containsKeys("news.gazette.pagecache.StoryChanges / every node",
                        "news.gazette.pagecache.StoryChanges / once per cluster",
                        "news.gazette.pagecache.SiteChanges / every node",
                        "news.gazette.search.StoryEventIndexing / every node",
                        "news.gazette.section.Sections / every node",
                        "news.gazette.site.SiteSettings / every node",
                        "news.gazette.reader.NewestInSection / every node",
                        "news.gazette.webhook.WebhookDispatch / once per cluster");
        handlers.forEach((handler, events) -> {
            for (int i = 0; i < events.size(); i++) {
                for (int j = i + 1; j < events.size(); j++) {
                    Class<?> one = load(events.get(i));
                    Class<?> other = load(events.get(j));
                    assertThat(one.isAssignableFrom(other) || other.isAssignableFrom(one))
                            .as("%s handles %s and %s: one event, two handlers", handler, one.getName(), other.getName())
                            .isFalse();
                }
            }
        });
    }

    private static List<Class<?>> components() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        List<Class<?>> found = new ArrayList<>();
        for (BeanDefinition definition : scanner.findCandidateComponents("news.gazette")) {
            found.add(ClassUtils.forName(definition.getBeanClassName(), OneHandlerPerEventTest.class.getClassLoader()));
        }
        assertThat(found).as("components found on the class path").hasSizeGreaterThan(50);
        return found;
    }

    private static Class<?> load(String name) {
        try {
            return ClassUtils.forName(name, OneHandlerPerEventTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

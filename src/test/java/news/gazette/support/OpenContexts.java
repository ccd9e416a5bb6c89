package news.gazette.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Keeps track of the application contexts the tests start, so that the embedded PostgreSQL server is stopped only
 * after the contexts that use it are closed. Without it, the JVM's shutdown hooks race: the server goes first, and
 * each context then waits out the pool's connection timeout while flushing views on its way down.
 */
public final class OpenContexts implements ContextCustomizerFactory {

    private static final List<ConfigurableApplicationContext> OPEN = new CopyOnWriteArrayList<>();

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        return Tracking.INSTANCE;
    }

    /** Closes every context still open, newest first; closing one that is already closed does nothing. */
    static void closeAll() {
        List<ConfigurableApplicationContext> contexts = new ArrayList<>(OPEN);
        for (int i = contexts.size() - 1; i >= 0; i--) {
            try {
                contexts.get(i).close();
            } catch (RuntimeException e) {
                // The JVM is going away; a context that fails to close cannot be helped now.
            }
        }
    }

    /** One customizer for every test class, so it does not split the context cache. */
    private enum Tracking implements ContextCustomizer {
        INSTANCE;

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            OPEN.add(context);
            context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    OPEN.remove(context);
                }
            });
        }
    }
}

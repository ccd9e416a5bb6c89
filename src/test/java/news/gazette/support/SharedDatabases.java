package news.gazette.support;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each application started for a {@link SharedDatabase} test class a fresh database of the named kind. The
 * customizer equals every other one of the same kind, so it keeps the context cache key of classes that share a
 * configuration equal; the database is made only when a context is actually started.
 */
public final class SharedDatabases implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configs) {
        SharedDatabase shared = TestContextAnnotationUtils.findMergedAnnotation(testClass, SharedDatabase.class);
        return shared == null ? null : new Fresh(shared.value(), shared.group());
    }

    /** One per database kind and group; records compare by both, which is all the cache key needs. */
    private record Fresh(TestDatabases.Kind kind, String group) implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = TestDatabases.properties(kind);
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("gazette-shared-test-database", properties));
        }
    }
}

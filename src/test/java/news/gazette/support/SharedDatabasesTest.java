package news.gazette.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextCustomizer;

/**
 * The cache key part that {@link SharedDatabase} adds: equal for every class of one database kind and group (so they
 * share an application), different between kinds and groups, absent without the annotation; and a fresh database
 * each time one is made.
 */
class SharedDatabasesTest {

    @SharedDatabase(TestDatabases.Kind.H2)
    abstract static class OnH2 {
    }

    static class FirstOnH2 extends OnH2 {
    }

    @SharedDatabase(TestDatabases.Kind.H2)
    static class SecondOnH2 {
    }

    @SharedDatabase(TestDatabases.Kind.POSTGRES)
    static class OnPostgres {
    }

    @SharedDatabase(value = TestDatabases.Kind.H2, group = "apart")
    static class ApartOnH2 {
    }

    static class Unmarked {
    }

    private final SharedDatabases factory = new SharedDatabases();

    private ContextCustomizer customizer(Class<?> testClass) {
        return factory.createContextCustomizer(testClass, List.of());
    }

    @Test
    void classesOfOneKindGetEqualCustomizersAndOtherKindsOrUnmarkedClassesDoNot() {
        assertThat(customizer(FirstOnH2.class)).isNotNull().isEqualTo(customizer(SecondOnH2.class))
                .hasSameHashCodeAs(customizer(SecondOnH2.class));
        assertThat(customizer(FirstOnH2.class)).isNotEqualTo(customizer(OnPostgres.class));
        assertThat(customizer(FirstOnH2.class)).isNotEqualTo(customizer(ApartOnH2.class));
        assertThat(customizer(Unmarked.class)).isNull();
    }

    @Test
    void eachApplicationGetsAFreshDatabaseAndDataFolder() {
        Map<String, Object> first = TestDatabases.properties(TestDatabases.Kind.H2);
        Map<String, Object> second = TestDatabases.properties(TestDatabases.Kind.H2);
        assertThat(first.get("spring.datasource.url")).asString().startsWith("jdbc:h2:mem:gazette_");
        assertThat(first.get("spring.datasource.url")).isNotEqualTo(second.get("spring.datasource.url"));
        assertThat(first.get("gazette.data-dir")).isNotEqualTo(second.get("gazette.data-dir"));
    }
}

package news.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The two databases Gazette runs on, for tests: an in-memory H2 in PostgreSQL mode, and a real PostgreSQL server
 * started once per test JVM inside it (no Docker). Each call gives a fresh, empty database and data folder.
 */
public final class TestDatabases {

    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** The two kinds, for {@link SharedDatabase}. */
    public enum Kind { H2, POSTGRES }

    public static void h2(DynamicPropertyRegistry registry) {
        register(registry, properties(Kind.H2));
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        register(registry, properties(Kind.POSTGRES));
    }

    /** The connection properties of a fresh, empty database of this kind, and a fresh data folder. */
    public static Map<String, Object> properties(Kind kind) {
        Map<String, Object> properties = new LinkedHashMap<>();
        if (kind == Kind.H2) {
            String name = "gazette_" + UUID.randomUUID().toString().replace("-", "");
            properties.put("spring.datasource.url", "jdbc:h2:mem:" + name
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        } else {
            properties.put("spring.datasource.url", newPostgresDatabase());
            properties.put("spring.datasource.username", "postgres");
            properties.put("spring.datasource.password", "postgres");
        }
        properties.put("gazette.data-dir", newDataDir().toString());
        return properties;
    }

    private static void register(DynamicPropertyRegistry registry, Map<String, Object> properties) {
        properties.forEach((name, value) -> registry.add(name, () -> value));
    }

    /** A fresh, empty database on the shared PostgreSQL server; user and password are both {@code postgres}. */
    public static String newPostgresDatabase() {
        String name = "gazette_" + UUID.randomUUID().toString().replace("-", "");
        EmbeddedPostgres server = server();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database", e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    public static void dataDir(DynamicPropertyRegistry registry) {
        Path dir = newDataDir();
        registry.add("gazette.data-dir", dir::toString);
    }

    private static Path newDataDir() {
        try {
            return Files.createTempDirectory("gazette-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres server() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL server", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                OpenContexts.closeAll();
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is going away; the server's folder is temporary.
                }
            }));
        }
        return postgres;
    }
}

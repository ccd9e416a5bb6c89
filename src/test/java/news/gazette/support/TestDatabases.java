package news.gazette.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    public static void h2(DynamicPropertyRegistry registry) {
        String name = "gazette_" + UUID.randomUUID().toString().replace("-", "");
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + name
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("spring.datasource.username", () -> "sa");
        registry.add("spring.datasource.password", () -> "");
        dataDir(registry);
    }

    public static void postgres(DynamicPropertyRegistry registry) {
        String url = newPostgresDatabase();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
        dataDir(registry);
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
        try {
            Path dir = Files.createTempDirectory("gazette-test");
            registry.add("gazette.data-dir", dir::toString);
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

package news.gazette.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which database Gazette runs on, and connections of its own for the few jobs that hold one open for long (waiting
 * for PostgreSQL notifications), outside the pool that serves requests.
 */
@Component
public class Databases {

    private final boolean postgres;
    private final String url;
    private final String username;
    private final String password;

    Databases(DataSource dataSource, @Value("${spring.datasource.url}") String url,
              @Value("${spring.datasource.username:}") String username,
              @Value("${spring.datasource.password:}") String password) {
        this.url = url;
        this.username = username;
        this.password = password;
        this.postgres = productName(dataSource).toLowerCase(Locale.ROOT).contains("postgres");
    }

    public boolean isPostgres() {
        return postgres;
    }

    /** A new connection outside the pool; the caller closes it. */
    public Connection openDedicated() throws SQLException {
        return DriverManager.getConnection(url, username, password);
    }

    private static String productName(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String name = connection.getMetaData().getDatabaseProductName();
            return name == null ? "" : name;
        } catch (SQLException e) {
            // Without a database at start nothing else works either; the pool reports that more clearly.
            return "";
        }
    }
}

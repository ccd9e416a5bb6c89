package news.gazette.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Newsroom accounts. Passwords are kept only as adaptive hashes; e-mail addresses are compared case-insensitively.
 */
@Repository
public class Accounts {

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(rs.getLong("id"), rs.getString("email"),
            rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"));

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final Clock clock;

    Accounts(JdbcClient jdbc, PasswordEncoder passwords, Clock clock) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.clock = clock;
    }

    public Optional<Account> byEmail(String email) {
        return jdbc.sql("select * from accounts where email = ?").param(normalize(email)).query(ROW).optional();
    }

    public List<Account> all() {
        return jdbc.sql("select * from accounts order by email").query(ROW).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from accounts").query(Long.class).single();
    }

    public Account create(String email, String displayName, String rawPassword, Role role) {
        if (rawPassword == null || rawPassword.length() < 12) {
            throw new IllegalArgumentException("A password needs at least 12 characters");
        }
        var keys = new GeneratedKeyHolder();
        String hash = passwords.encode(rawPassword);
        jdbc.sql("insert into accounts (email, display_name, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(normalize(email), displayName, hash, role.name(), true, clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Account(keys.getKey().longValue(), normalize(email), displayName, hash, role, true);
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

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
import org.springframework.transaction.annotation.Transactional;

/**
 * Newsroom accounts. Passwords are kept only as adaptive hashes; e-mail addresses are compared case-insensitively.
 */
@Repository
public class Accounts {

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(rs.getLong("id"), rs.getString("email"),
            rs.getString("display_name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"), rs.getInt("password_version"));

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

    public Optional<Account> byId(long id) {
        return jdbc.sql("select * from accounts where id = ?").param(id).query(ROW).optional();
    }

    public Account create(String email, String displayName, String rawPassword, Role role) {
        checkPassword(rawPassword, email, displayName);
        var keys = new GeneratedKeyHolder();
        String hash = passwords.encode(rawPassword);
        jdbc.sql("insert into accounts (email, display_name, password_hash, role, enabled, created_at) values (?, ?, ?, ?, ?, ?)")
                .params(normalize(email), displayName, hash, role.name(), true, clock.instant().atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Account(keys.getKey().longValue(), normalize(email), displayName, hash, role, true, 0);
    }

    /** Whether the raw password matches the account's stored hash. */
    public boolean passwordMatches(Account account, String rawPassword) {
        return rawPassword != null && passwords.matches(rawPassword, account.passwordHash());
    }

    /**
     * Gives the account a new password and a new password version, which ends its sessions signed in before
     * ({@code newsroom/StillEnabled}).
     *
     * @throws WeakPasswordException when the password is refused
     */
    public void changePassword(long id, String rawPassword) {
        Account account = byId(id).orElseThrow(() -> new IllegalArgumentException("No account " + id));
        checkPassword(rawPassword, account.email(), account.displayName());
        jdbc.sql("update accounts set password_hash = ?, password_version = password_version + 1 where id = ?")
                .params(passwords.encode(rawPassword), id).update();
    }

    /** Replaces a hash of an older kind by one of the current kind, at sign-in; the password stays the same. */
    void upgradeHash(String email, String newHash) {
        jdbc.sql("update accounts set password_hash = ? where email = ?").params(newHash, normalize(email)).update();
    }

    /**
     * Gives the account another role, unless that would leave no enabled admin.
     *
     * @throws LastAdminException when the account is the last enabled admin and the role is not admin
     */
    @Transactional
    public void changeRole(long id, Role role) {
        if (role != Role.ADMIN) {
            lockAdmins();
        }
        int changed = jdbc.sql("update accounts set role = :role where id = :id and (:role = 'ADMIN' or "
                        + KEEPS_AN_ADMIN + ")")
                .param("role", role.name()).param("id", id).update();
        if (changed == 0) {
            throw new LastAdminException();
        }
    }

    /**
     * Enables or disables the account; a disabled account cannot sign in and its sessions and tokens stop working.
     *
     * @throws LastAdminException when disabling the last enabled admin
     */
    @Transactional
    public void setEnabled(long id, boolean enabled) {
        if (!enabled) {
            lockAdmins();
        }
        int changed = jdbc.sql("update accounts set enabled = :enabled where id = :id and (:enabled or "
                        + KEEPS_AN_ADMIN + ")")
                .param("enabled", enabled).param("id", id).update();
        if (changed == 0) {
            throw new LastAdminException();
        }
    }

    /**
     * Two admins demoting each other at the same moment would each see the other still an admin and leave none: a
     * change that can take an admin away first locks the enabled admins' rows, so such changes run one after the
     * other, and the second sees the first's result.
     */
    private void lockAdmins() {
        jdbc.sql("select id from accounts where role = 'ADMIN' and enabled order by id for update").query(Long.class)
                .list();
    }

    /** Another enabled admin remains besides the account {@code :id}. */
    private static final String KEEPS_AN_ADMIN = "exists (select 1 from accounts o where o.role = 'ADMIN' and o.enabled "
            + "and o.id <> :id)";

    /**
     * A password a person can remember and a guesser cannot ({@link PasswordStrength}).
     *
     * @param context what the password must not lean on: the account's e-mail address and name
     * @throws WeakPasswordException when it is refused, with the reason
     */
    public static void checkPassword(String rawPassword, String... context) {
        PasswordStrength.refusal(rawPassword, context).ifPresent(key -> {
            throw new WeakPasswordException(key);
        });
    }

    static String normalize(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }
}

package news.gazette.account;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The language the newsroom speaks to each account (ADR 92): one of {@link #SUPPORTED}, or none, in which case the
 * newsroom follows the browser's {@code Accept-Language}.
 */
@Repository
public class AccountLanguages {

    /** The languages the newsroom's texts are written in. */
    public static final Set<String> SUPPORTED = Set.of("en", "ru", "hy");

    private final JdbcClient jdbc;

    AccountLanguages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The language the account chose, if it chose one. */
    public Optional<String> of(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return jdbc.sql("select language from accounts where email = ?").param(Accounts.normalize(email))
                .query(String.class).optional().filter(SUPPORTED::contains);
    }

    /**
     * Chooses the account's language; {@code null} or an empty one returns it to the browser's choice.
     *
     * @throws IllegalArgumentException for a language the newsroom does not speak
     */
    public void choose(long accountId, String language) {
        String stored = language == null || language.isBlank() ? null : language;
        if (stored != null && !SUPPORTED.contains(stored)) {
            throw new IllegalArgumentException("Not a newsroom language: " + language);
        }
        jdbc.sql("update accounts set language = ? where id = ?").params(stored, accountId).update();
    }
}

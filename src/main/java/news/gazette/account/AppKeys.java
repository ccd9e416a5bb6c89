package news.gazette.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * API keys for apps, issued and revoked by admins, each with its own rate limit. A key is shown once, when it is
 * made; only its SHA-256 hash is stored. Apps send it in {@value #HEADER}. Looking a key up is remembered for
 * {@link #REMEMBERED} so the API does not ask the database on every request: a key revoked on this node stops at once,
 * on another node within that time.
 */
@Repository
public class AppKeys {

    /** The request header an app sends its key in. */
    public static final String HEADER = "X-Api-Key";
    /** Every key starts with this, so a leaked one is easy to recognise. */
    static final String PREFIX = "gzk_";
    static final Duration REMEMBERED = Duration.ofSeconds(30);
    private static final int MAX_LENGTH = 200;

    private static final RowMapper<AppKey> ROW = (rs, n) -> new AppKey(rs.getLong("id"), rs.getString("name"),
            rs.getString("key_start"), rs.getDouble("requests_per_second"), rs.getInt("burst"),
            rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
            Optional.ofNullable(rs.getObject("revoked_at", OffsetDateTime.class)).map(OffsetDateTime::toInstant)
                    .orElse(null));

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<AppKey>> byHash = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(REMEMBERED).build();

    AppKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * An app's key.
     *
     * @param keyStart the key's first characters, to tell keys apart on screen
     * @param revokedAt when it stopped working, else {@code null}
     */
    public record AppKey(long id, String name, String keyStart, double requestsPerSecond, int burst, String createdBy,
                         Instant createdAt, Instant revokedAt) {

        public boolean usable() {
            return revokedAt == null;
        }
    }

    /** A key just made, with its secret: the only time anyone sees it. */
    public record Created(AppKey key, String secret) {
    }

    public Created create(String name, double requestsPerSecond, int burst, String createdBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String start = secret.substring(0, 10);
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into app_keys (name, key_hash, key_start, requests_per_second, burst, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(name, hash(secret), start, requestsPerSecond, burst, createdBy, now.atOffset(ZoneOffset.UTC))
                .update(keys, "id");
        return new Created(new AppKey(keys.getKey().longValue(), name, start, requestsPerSecond, burst, createdBy, now,
                null), secret);
    }

    /** Every key, the usable ones first, newest first. */
    public List<AppKey> all() {
        return jdbc.sql("select * from app_keys order by case when revoked_at is null then 0 else 1 end, created_at desc, id desc")
                .query(ROW).list();
    }

    public Optional<AppKey> byId(long id) {
        return jdbc.sql("select * from app_keys where id = ?").param(id).query(ROW).optional();
    }

    /** @return whether the key worked until now */
    public boolean revoke(long id) {
        boolean revoked = jdbc.sql("update app_keys set revoked_at = ? where id = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update() == 1;
        byHash.invalidateAll();
        return revoked;
    }

    /** The usable key an app sent, if it is one. */
    public Optional<AppKey> usable(String secret) {
        if (secret == null || secret.isEmpty() || secret.length() > MAX_LENGTH || !secret.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return byHash.get(hash(secret), h -> jdbc.sql("select * from app_keys where key_hash = ? and revoked_at is null")
                .param(h).query(ROW).optional());
    }

    public static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package news.gazette.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Personal API tokens. The token itself is shown once, when it is made; only its SHA-256 hash is stored, so a copy
 * of the database does not let anyone in. A token works while it is neither revoked nor expired and its account is
 * enabled, and does only what its scopes allow ({@link TokenScope}) within its account's role.
 */
@Repository
public class ApiTokens {

    /** Every token starts with this, so a leaked one is easy to recognise in logs and code. */
    static final String PREFIX = "gzt_";

    private static final RowMapper<ApiToken> ROW = (rs, n) -> new ApiToken(rs.getLong("id"), rs.getLong("account_id"),
            rs.getString("name"), instant(rs.getObject("created_at", OffsetDateTime.class)),
            instant(rs.getObject("expires_at", OffsetDateTime.class)),
            instant(rs.getObject("revoked_at", OffsetDateTime.class)), TokenScope.split(rs.getString("scopes")));

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Accounts accounts, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Makes a token with every scope, as tokens were before scopes existed (tools and tests; screens choose). */
    public Created create(long accountId, String name, Instant expiresAt) {
        return create(accountId, name, expiresAt, java.util.EnumSet.allOf(TokenScope.class));
    }

    /** Makes a token; the returned secret is the only time anyone sees it. */
    public Created create(long accountId, String name, Instant expiresAt, Set<TokenScope> scopes) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("A token needs at least one scope");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var keys = new GeneratedKeyHolder();
        Instant now = clock.instant();
        jdbc.sql("insert into api_tokens (account_id, name, token_hash, created_at, expires_at, scopes) "
                        + "values (?, ?, ?, ?, ?, ?)")
                .params(accountId, name, hash(secret), now.atOffset(ZoneOffset.UTC),
                        expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC), TokenScope.join(scopes))
                .update(keys, "id");
        return new Created(new ApiToken(keys.getKey().longValue(), accountId, name, now, expiresAt, null,
                Set.copyOf(scopes)), secret);
    }

    public List<ApiToken> of(long accountId) {
        return jdbc.sql("select * from api_tokens where account_id = ? order by created_at desc, id desc")
                .param(accountId).query(ROW).list();
    }

    /** Every token not revoked yet, for admins. */
    public List<ApiToken> unrevoked() {
        return jdbc.sql("select * from api_tokens where revoked_at is null order by created_at desc, id desc")
                .query(ROW).list();
    }

    public Optional<ApiToken> byId(long id) {
        return jdbc.sql("select * from api_tokens where id = ?").param(id).query(ROW).optional();
    }

    /** @return whether the token was in use until now */
    public boolean revoke(long id) {
        return jdbc.sql("update api_tokens set revoked_at = ? where id = ? and revoked_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), id).update() == 1;
    }

    /** The token presented and its enabled account, when the token is known, not revoked and not expired. */
    public Optional<Bearer> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return jdbc.sql("select * from api_tokens where token_hash = ?").param(hash(presented)).query(ROW).optional()
                .filter(token -> token.usableAt(now))
                .flatMap(token -> accounts.byId(token.accountId()).filter(Account::enabled)
                        .map(account -> new Bearer(token, account)));
    }

    static String hash(String secret) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    /** A token as its owner sees it later: never the secret. */
    public record ApiToken(long id, long accountId, String name, Instant createdAt, Instant expiresAt,
                           Instant revokedAt, Set<TokenScope> scopes) {

        public boolean usableAt(Instant now) {
            return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
        }
    }

    /** A token presented with a request, and the account it acts for. */
    public record Bearer(ApiToken token, Account account) {

        /** The role's authorities and the token's scopes: what a request with it may do is the overlap. */
        public String[] authorities() {
            return java.util.stream.Stream.concat(java.util.Arrays.stream(account.role().authorities()),
                    token.scopes().stream().map(TokenScope::authority)).toArray(String[]::new);
        }
    }

    /** A token just made, with the secret to show once. */
    public record Created(ApiToken token, String secret) {
    }
}

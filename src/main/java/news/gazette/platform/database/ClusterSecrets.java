package news.gazette.platform.database;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Base64;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Random keys the nodes of a cluster share ({@code cluster_secrets}): the first node to ask for a name makes it, and
 * every node reads the same one back, after restarts too. Callers keep what they read in memory.
 */
@Component
public class ClusterSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ClusterSecrets(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The 32-byte key stored under {@code name}, made now if no node has made it yet. */
    public byte[] key(String name) {
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        jdbc.sql("insert into cluster_secrets (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
                .params(name, Base64.getEncoder().encodeToString(fresh), clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return Base64.getDecoder().decode(jdbc.sql("select secret from cluster_secrets where name = ?")
                .param(name).query(String.class).single());
    }

    /**
     * The text (at most 200 characters) stored under {@code name}, made by {@code fresh} now if no node has stored one
     * yet: every node reads back the first one stored, such as a key pair in a form of the caller's own.
     */
    public String value(String name, java.util.function.Supplier<String> fresh) {
        jdbc.sql("insert into cluster_secrets (name, secret, created_at) values (?, ?, ?) on conflict do nothing")
                .params(name, fresh.get(), clock.instant().atOffset(ZoneOffset.UTC)).update();
        return jdbc.sql("select secret from cluster_secrets where name = ?").param(name).query(String.class).single();
    }
}

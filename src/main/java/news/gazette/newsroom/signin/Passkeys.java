package news.gazette.newsroom.signin;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An account's passkeys as its security page shows them: read from the tables Spring Security's WebAuthn support
 * keeps (V161), renamed and removed there, always within the account's own.
 */
@Component
class Passkeys {

    static final int LABEL_MAX = 100;

    private final JdbcClient jdbc;

    Passkeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One passkey: its id as the authenticator knows it (Base64url), the name its owner gave it, its dates. */
    record Passkey(String id, String label, Instant created, Instant lastUsed) {
    }

    boolean any(String email) {
        return jdbc.sql("select count(*) from user_credentials c join user_entities u on c.user_entity_user_id = u.id "
                + "where u.name = ?").param(email).query(Long.class).single() > 0;
    }

    List<Passkey> of(String email) {
        return jdbc.sql("select c.credential_id, c.label, c.created, c.last_used from user_credentials c "
                        + "join user_entities u on c.user_entity_user_id = u.id where u.name = ? order by c.created, c.label")
                .param(email)
                .query((rs, n) -> new Passkey(rs.getString(1), rs.getString(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .list();
    }

    /** @return whether the account had that passkey */
    boolean rename(String email, String id, String label) {
        return jdbc.sql("update user_credentials set label = ? where credential_id = ? and user_entity_user_id in "
                + "(select u.id from user_entities u where u.name = ?)").params(label, id, email).update() == 1;
    }

    /** @return whether the account had that passkey */
    boolean remove(String email, String id) {
        return jdbc.sql("delete from user_credentials where credential_id = ? and user_entity_user_id in "
                + "(select u.id from user_entities u where u.name = ?)").params(id, email).update() == 1;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }
}

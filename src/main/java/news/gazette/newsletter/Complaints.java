package news.gazette.newsletter;

import java.sql.Timestamp;
import java.time.Clock;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Addresses that complained through a mailbox provider's feedback loop, kept only as a keyed hash per edition
 * ({@link LinkTokens#addressMark}): the subscription is ended (the address deleted) and a later subscribe request for
 * the address is answered as any other but sends nothing, not even the confirmation. Removing a reader's data on
 * request removes the mark too.
 */
@Component
class Complaints {

    private final JdbcClient jdbc;
    private final LinkTokens tokens;
    private final Clock clock;
    private final Editions editions;

    Complaints(JdbcClient jdbc, LinkTokens tokens, Clock clock, Editions editions) {
        this.editions = editions;
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.clock = clock;
    }

    void remember(String edition, String address) {
        jdbc.sql("insert into newsletter_complaints (edition, address_mark, complained_at) values (?, ?, ?) "
                        + "on conflict do nothing")
                .params(edition, tokens.addressMark(edition, address), Timestamp.from(clock.instant())).update();
    }

    boolean known(String edition, String address) {
        return jdbc.sql("select count(*) from newsletter_complaints where edition = ? and address_mark = ?")
                .params(edition, tokens.addressMark(edition, address)).query(Long.class).single() > 0;
    }

    /** Forgets the address's complaints in every edition (the reader's data removed on request). */
    int forget(String address) {
        int forgotten = 0;
        for (Edition edition : editions.all()) {
            forgotten += jdbc.sql("delete from newsletter_complaints where edition = ? and address_mark = ?")
                    .params(edition.code(), tokens.addressMark(edition.code(), address)).update();
        }
        return forgotten;
    }
}

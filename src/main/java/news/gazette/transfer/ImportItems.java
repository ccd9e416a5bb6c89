package news.gazette.transfer;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;

import news.gazette.transfer.ImportReport.Kind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What earlier imports brought in, by source item: the memory that makes importing the same file twice create
 * nothing twice.
 */
@Repository
class ImportItems {

    /** The source site and the edition an import writes into; items are the same item only within one scope. */
    record Scope(ImportFormat format, String site, String edition) {
    }

    /** An item imported before: what it became, and the fingerprint of the state it was imported in. */
    record Item(long targetId, String fingerprint) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ImportItems(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<Item> find(Scope scope, Kind kind, String sourceId) {
        return jdbc.sql("""
                        select target_id, fingerprint from import_items
                        where source_system = ? and source_site = ? and edition = ? and kind = ? and source_id = ?""")
                .params(scope.format().code(), site(scope), scope.edition(), kind.name(), cut(sourceId))
                .query((rs, n) -> new Item(rs.getLong(1), rs.getString(2))).optional();
    }

    /** Records what a source item became; an item recorded just so is left as it is. */
    void remember(Scope scope, Kind kind, String sourceId, long targetId, String fingerprint) {
        Optional<Item> known = find(scope, kind, sourceId);
        if (known.isPresent() && known.get().targetId() == targetId
                && java.util.Objects.equals(known.get().fingerprint(), fingerprint)) {
            return;
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.sql("""
                        update import_items set target_id = ?, fingerprint = ?, updated_at = ?
                        where source_system = ? and source_site = ? and edition = ? and kind = ? and source_id = ?""")
                .params(targetId, fingerprint, now, scope.format().code(), site(scope), scope.edition(), kind.name(),
                        cut(sourceId))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into import_items (source_system, source_site, edition, kind, source_id, target_id,
                                fingerprint, imported_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(scope.format().code(), site(scope), scope.edition(), kind.name(), cut(sourceId), targetId,
                            fingerprint, now)
                    .update();
        }
    }

    private static String site(Scope scope) {
        return cut(scope.site(), 300);
    }

    private static String cut(String value) {
        return cut(value, 200);
    }

    private static String cut(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}

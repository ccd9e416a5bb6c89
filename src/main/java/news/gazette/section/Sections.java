package news.gazette.section;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.text.XmlText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sections of every edition. Every reader page needs them (the navigation, the story's section), so all of them
 * are read in one query and kept for a few seconds. Each change raises a {@link SectionEvent} in its transaction; every
 * node, this one included, forgets what it kept when the change feed tells it of the event, before its pages go.
 */
@Repository
public class Sections {

    /** Slugs the URL scheme uses for other pages of an edition; a section may not take them. */
    public static final Set<String> RESERVED_SLUGS = Set.of("author", "tag", "search", "views", "feed", "api", "media", "menu", "corrections");

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private static final RowMapper<Section> ROW = (rs, n) -> new Section(rs.getLong("id"), rs.getString("edition"),
            rs.getString("slug"), rs.getString("name"), rs.getString("description"), rs.getInt("position"),
            rs.getBoolean("in_menu"));

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final LoadingCache<Boolean, List<Section>> all;

    Sections(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.all = Caffeine.newBuilder().expireAfterWrite(KEEP)
                .build(key -> jdbc.sql("select * from sections order by position, id").query(ROW).list());
    }

    public List<Section> inEdition(String edition) {
        return all().stream().filter(s -> s.edition().equals(edition)).toList();
    }

    public Optional<Section> find(String edition, String slug) {
        return all().stream().filter(s -> s.edition().equals(edition) && s.slug().equals(slug)).findFirst()
                .or(() -> fresh(jdbc.sql("select * from sections where edition = ? and slug = ?")
                        .param(edition).param(slug).query(ROW).optional()));
    }

    public Optional<Section> byId(long id) {
        return all().stream().filter(s -> s.id() == id).findFirst()
                .or(() -> fresh(jdbc.sql("select * from sections where id = ?").param(id).query(ROW).optional()));
    }

    /**
     * The kept copy for readers; inside a transaction (the newsroom, imports) the database itself, so that a writer
     * sees its own changes and never shares with readers a section it may yet roll back.
     */
    private List<Section> all() {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return jdbc.sql("select * from sections order by position, id").query(ROW).list();
        }
        return all.get(true);
    }

    /** Forgets the kept sections, for code that wrote the table directly (an archive restore). */
    public void forget() {
        changed();
    }

    /** A section changed, here or on another node: read them again before any page is rendered anew. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SectionEvent event) {
        all.invalidateAll();
    }

    /** A section the kept copy does not have yet (another node just added it) is read, and the copy forgotten. */
    private Optional<Section> fresh(Optional<Section> stored) {
        stored.ifPresent(s -> changed());
        return stored;
    }

    /** Forgets the kept sections now and, inside a transaction, again once it has committed. */
    private void changed() {
        all.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    all.invalidateAll();
                }
            });
        }
    }

    /** Whether a slug may name a section: lower-case words and digits joined by hyphens, not a reserved word. */
    public static boolean usableSlug(String slug) {
        return slug != null && slug.length() <= 80 && SLUG.matcher(slug).matches() && !RESERVED_SLUGS.contains(slug);
    }

    /** Adds a section at the end of the edition's navigation. */
    @Transactional
    public Section append(String edition, String slug, String name, String description) {
        int last = jdbc.sql("select coalesce(max(position), 0) from sections where edition = ?").param(edition)
                .query(Integer.class).single();
        return create(edition, slug, name, description, last + 1);
    }

    /** Renames and describes a section; its slug, and so its address, stays. */
    @Transactional
    public void describe(long id, String name, String description) {
        String edition = jdbc.sql("select edition from sections where id = ?").param(id).query(String.class).single();
        jdbc.sql("update sections set name = ?, description = ? where id = ?")
                .params(XmlText.line(name), XmlText.clean(description), id).update();
        changed();
        events.publishEvent(new SectionEvent.Renamed(id, edition));
    }

    /**
     * Moves a section one place earlier ({@code -1}) or later ({@code +1}) in its edition's navigation, renumbering
     * the edition's sections so positions stay distinct.
     */
    @Transactional
    public void move(long id, int step) {
        // Read from the database, not the kept copy: another node may have moved a section a moment ago.
        Section section = jdbc.sql("select * from sections where id = ?").param(id).query(ROW).single();
        List<Section> order = new ArrayList<>(jdbc.sql("select * from sections where edition = ? order by position, id")
                .param(section.edition()).query(ROW).list());
        int at = order.indexOf(section);
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(step)));
        order.add(to, order.remove(at));
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update sections set position = ? where id = ?").params(i + 1, order.get(i).id()).update();
        }
        changed();
        events.publishEvent(new SectionEvent.Moved(id, section.edition()));
    }

    /** The sections of an edition the reader site's menu lists, in their order. */
    public List<Section> inMenu(String edition) {
        return inEdition(edition).stream().filter(Section::inMenu).toList();
    }

    /** Lists a section in the reader site's menu, or keeps it out (its page and stories stay). */
    @Transactional
    public void showInMenu(long id, boolean shown) {
        String edition = jdbc.sql("select edition from sections where id = ?").param(id).query(String.class).single();
        jdbc.sql("update sections set in_menu = ? where id = ?").params(shown, id).update();
        changed();
        events.publishEvent(new SectionEvent.Renamed(id, edition));
    }

    /** How many stories, in any state, a section holds. */
    public long storyCount(long id) {
        return jdbc.sql("select count(*) from stories where section_id = ?").param(id).query(Long.class).single();
    }

    /**
     * Deletes a section that holds no story.
     *
     * @return whether it was deleted; a section with stories is kept
     */
    @Transactional
    public boolean deleteIfEmpty(long id) {
        Optional<String> edition = jdbc.sql("select edition from sections where id = ?").param(id).query(String.class)
                .optional();
        boolean deleted = jdbc.sql("delete from sections where id = ? and not exists (select 1 from stories where section_id = ?)")
                .params(id, id).update() == 1;
        changed();
        if (deleted) {
            events.publishEvent(new SectionEvent.Deleted(id, edition.orElseThrow()));
        }
        return deleted;
    }

    @Transactional
    public Section create(String edition, String slug, String name, String description, int position) {
        if (!usableSlug(slug)) {
            throw new IllegalArgumentException("Not a usable section slug: " + slug);
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into sections (edition, slug, name, description, position) values (?, ?, ?, ?, ?)")
                .params(edition, slug, XmlText.line(name), XmlText.clean(description), position)
                .update(keys, "id");
        changed();
        long id = keys.getKey().longValue();
        events.publishEvent(new SectionEvent.Created(id, edition));
        return new Section(id, edition, slug, XmlText.line(name), XmlText.clean(description), position);
    }
}

package news.gazette.story;

import java.util.List;
import java.util.Optional;

import news.gazette.platform.text.XmlText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps an edition's tags tidy: rename one, merge a duplicate into another, delete one. Each change raises a
 * {@link TagEvent}, and the published stories that carried the tag are announced as updated in the same transaction
 * ({@link Publishing#relabelled}), so search, pages and webhooks follow on every node.
 */
@Service
public class TagMaintenance {

    private final JdbcClient jdbc;
    private final Publishing publishing;
    private final ApplicationEventPublisher events;

    TagMaintenance(JdbcClient jdbc, Publishing publishing, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.publishing = publishing;
        this.events = events;
    }

    /** The tags of an edition with how many stories carry each, by name. */
    public List<TagUse> inEdition(String edition) {
        return jdbc.sql("select t.*, (select count(*) from story_tags st where st.tag_id = t.id) as uses "
                        + "from tags t where t.edition = ? order by t.name, t.id")
                .param(edition)
                .query((rs, n) -> new TagUse(new Tag(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
                        rs.getString("name")), rs.getLong("uses")))
                .list();
    }

    public Optional<Tag> byId(long id) {
        return jdbc.sql("select * from tags where id = ?").param(id)
                .query((rs, n) -> new Tag(rs.getLong("id"), rs.getString("edition"), rs.getString("slug"),
                        rs.getString("name")))
                .optional();
    }

    /** The stories carrying the tag. */
    public List<Long> storiesWith(long tagId) {
        return jdbc.sql("select story_id from story_tags where tag_id = ?").param(tagId).query(Long.class).list();
    }

    @Transactional
    public void rename(long id, String name) {
        Tag tag = byId(id).orElseThrow(() -> new IllegalArgumentException("No tag " + id));
        jdbc.sql("update tags set name = ? where id = ?").params(XmlText.line(name), id).update();
        events.publishEvent(new TagEvent.Renamed(id, tag.edition()));
        publishing.relabelled(storiesWith(id));
    }

    /**
     * Moves every story from one tag to another of the same edition and deletes the first.
     *
     * @throws IllegalArgumentException when the tags are the same or belong to different editions
     */
    @Transactional
    public void merge(long fromId, long intoId) {
        Tag from = byId(fromId).orElseThrow(() -> new IllegalArgumentException("No tag " + fromId));
        Tag into = byId(intoId).orElseThrow(() -> new IllegalArgumentException("No tag " + intoId));
        if (from.id() == into.id() || !from.edition().equals(into.edition())) {
            throw new IllegalArgumentException("Tags merge only into another tag of the same edition");
        }
        jdbc.sql("insert into story_tags (story_id, tag_id) select st.story_id, ? from story_tags st where st.tag_id = ? "
                        + "and not exists (select 1 from story_tags o where o.story_id = st.story_id and o.tag_id = ?)")
                .params(into.id(), from.id(), into.id()).update();
        events.publishEvent(new TagEvent.Merged(from.id(), into.id(), from.edition()));
        remove(from.id());
    }

    /** Takes the tag off every story and deletes it. */
    @Transactional
    public void delete(long id) {
        byId(id).ifPresent(tag -> events.publishEvent(new TagEvent.Deleted(id, tag.edition())));
        remove(id);
    }

    private void remove(long id) {
        List<Long> carried = storiesWith(id);
        jdbc.sql("delete from story_tags where tag_id = ?").param(id).update();
        jdbc.sql("delete from tags where id = ?").param(id).update();
        publishing.relabelled(carried);
    }

    /** A tag and how many stories carry it. */
    public record TagUse(Tag tag, long stories) {
    }
}

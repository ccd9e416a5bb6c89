package news.gazette.story;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.gazette.section.Section;
import news.gazette.section.Sections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which section and which tags of another edition a translation gets, as editors set them, remembered per pair of
 * editions. A section without a mapping goes to the section of the same slug in the other edition, else to its first
 * section; a tag without a mapping is left for the translator to add. A mapping to a section that is not in the other
 * edition is refused.
 */
@Service
public class TranslationMappings {

    static final String SECTION = "section";
    static final String TAG = "tag";

    private final JdbcClient jdbc;
    private final Sections sections;
    private final Clock clock;

    TranslationMappings(JdbcClient jdbc, Sections sections, Clock clock) {
        this.jdbc = jdbc;
        this.sections = sections;
        this.clock = clock;
    }

    /** The section of {@code to} a story of the section goes to. */
    public Section section(Section from, String to) {
        List<Section> target = sections.inEdition(to);
        Optional<Section> mapped = stored(SECTION, from.edition(), String.valueOf(from.id()), to)
                .flatMap(id -> target.stream().filter(s -> String.valueOf(s.id()).equals(id)).findFirst());
        return mapped.or(() -> target.stream().filter(s -> s.slug().equals(from.slug())).findFirst())
                .or(() -> target.stream().findFirst())
                .orElseThrow(() -> new InvalidStoryException("edition"));
    }

    /** The tags of {@code to} the named tags of {@code from} are mapped to; unmapped tags are left out. */
    public List<String> tags(String from, List<String> names, String to) {
        Map<String, String> mapped = tags(from, to);
        return names.stream().map(name -> mapped.get(name.toLowerCase(java.util.Locale.ROOT)))
                .filter(java.util.Objects::nonNull).distinct().toList();
    }

    /** The stored section mappings from one edition to another: section id to section id. */
    public Map<Long, Long> sections(String from, String to) {
        Map<Long, Long> map = new LinkedHashMap<>();
        rows(SECTION, from, to).forEach((k, v) -> map.put(Long.valueOf(k), Long.valueOf(v)));
        return map;
    }

    /** The stored tag mappings from one edition to another: tag name (lower case) to tag name. */
    public Map<String, String> tags(String from, String to) {
        return rows(TAG, from, to);
    }

    /**
     * Remembers where a section's stories go in the other edition; {@code toSectionId} {@code null} forgets it.
     *
     * @throws InvalidStoryException "mapping" when either section is not in its edition
     */
    @Transactional
    public void mapSection(String from, long fromSectionId, String to, Long toSectionId, String by) {
        boolean fromOk = sections.inEdition(from).stream().anyMatch(s -> s.id() == fromSectionId);
        boolean toOk = toSectionId == null || sections.inEdition(to).stream().anyMatch(s -> s.id() == toSectionId);
        if (!fromOk || !toOk || from.equals(to)) {
            throw new InvalidStoryException("mapping");
        }
        put(SECTION, from, String.valueOf(fromSectionId), to, toSectionId == null ? null : String.valueOf(toSectionId), by);
    }

    /** Remembers the tag a tag becomes in the other edition; a blank {@code toName} forgets it. */
    @Transactional
    public void mapTag(String from, String fromName, String to, String toName, String by) {
        String key = fromName == null ? "" : fromName.strip().toLowerCase(java.util.Locale.ROOT);
        String value = toName == null ? "" : toName.strip();
        if (key.isEmpty() || key.length() > 200 || value.length() > 200 || from.equals(to)) {
            throw new InvalidStoryException("mapping");
        }
        put(TAG, from, key, to, value.isEmpty() ? null : value, by);
    }

    private void put(String kind, String from, String key, String to, String value, String by) {
        jdbc.sql("delete from translation_mappings where kind = ? and from_edition = ? and from_key = ? and to_edition = ?")
                .params(kind, from, key, to).update();
        if (value != null) {
            jdbc.sql("insert into translation_mappings (kind, from_edition, from_key, to_edition, to_key, set_by, set_at) "
                            + "values (?, ?, ?, ?, ?, ?, ?)")
                    .params(kind, from, key, to, value, by, clock.instant().atOffset(ZoneOffset.UTC)).update();
        }
    }

    private Optional<String> stored(String kind, String from, String key, String to) {
        return jdbc.sql("select to_key from translation_mappings where kind = ? and from_edition = ? and from_key = ? "
                + "and to_edition = ?").params(kind, from, key, to).query(String.class).optional();
    }

    private Map<String, String> rows(String kind, String from, String to) {
        Map<String, String> map = new LinkedHashMap<>();
        jdbc.sql("select from_key, to_key from translation_mappings where kind = ? and from_edition = ? and to_edition = ? "
                        + "order by from_key").params(kind, from, to)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
                .forEach(e -> map.put(e.getKey(), e.getValue()));
        return map;
    }
}

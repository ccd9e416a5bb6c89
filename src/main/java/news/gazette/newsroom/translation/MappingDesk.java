package news.gazette.newsroom.translation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.gazette.audit.AuditLog;
import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.TagMaintenance;
import news.gazette.story.TranslationMappings;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The section and tag mappings between a pair of editions as the mapping screen shows and changes them: every
 * section of the edition translated from with the section its translations go to, the tag mappings, and setting or
 * forgetting one (written to the audit log). A section that is not in its edition is refused with a message.
 */
@Service
public class MappingDesk {

    /** The longest tag name a mapping takes, as the table holds it. */
    private static final int TAG_LENGTH = 200;

    /** Translations from {@code from} into {@code to}; two different editions. */
    public record Pair(String from, String to) {

        public String query() {
            return "from=" + from + "&to=" + to;
        }
    }

    /**
     * One section of the edition translated from.
     *
     * @param mappedTo the section an editor chose, {@code null} when none is set
     * @param goesTo   the name of the section a translation goes to now, by the mapping or without it
     */
    public record SectionRow(long id, String name, String slug, Long mappedTo, String goesTo) {
    }

    /** One tag mapping: a tag of the edition translated from (lower case) and the tag it becomes. */
    public record TagRow(String from, String to) {
    }

    private final Sections sections;
    private final TagMaintenance tags;
    private final TranslationMappings mappings;
    private final AuditLog audit;

    MappingDesk(Sections sections, TagMaintenance tags, TranslationMappings mappings, AuditLog audit) {
        this.sections = sections;
        this.tags = tags;
        this.mappings = mappings;
        this.audit = audit;
    }

    List<SectionRow> sections(Pair pair) {
        Map<Long, Long> stored = mappings.sections(pair.from(), pair.to());
        List<Section> targets = sections.inEdition(pair.to());
        return sections.inEdition(pair.from()).stream().map(s -> {
            Long mapped = stored.get(s.id());
            boolean usable = mapped != null && targets.stream().anyMatch(t -> t.id() == mapped);
            String goesTo = targets.isEmpty() ? "" : mappings.section(s, pair.to()).name();
            return new SectionRow(s.id(), s.name(), s.slug(), usable ? mapped : null, goesTo);
        }).toList();
    }

    List<Section> targets(Pair pair) {
        return sections.inEdition(pair.to());
    }

    List<TagRow> tags(Pair pair) {
        return mappings.tags(pair.from(), pair.to()).entrySet().stream()
                .map(e -> new TagRow(e.getKey(), e.getValue())).toList();
    }

    /** The tag names of an edition, for the fields that suggest them. */
    List<String> tagNames(String edition) {
        return tags.inEdition(edition).stream().map(u -> u.tag().name()).distinct().toList();
    }

    /**
     * Sets where a section's translations go; a blank {@code target} forgets the mapping.
     *
     * @throws Refusal 400 when the section is not one of the edition's, or the target not one of the other's
     */
    @Transactional
    void mapSection(Actor actor, Pair pair, String section, String target) {
        long from = number(section, "translation.mappings.bad-section", pair.from());
        if (sections.inEdition(pair.from()).stream().noneMatch(s -> s.id() == from)) {
            throw Refusal.invalid("translation.mappings.bad-section", pair.from());
        }
        Long to = target == null || target.isBlank() ? null
                : number(target, "translation.mappings.no-such-section", pair.to());
        try {
            mappings.mapSection(pair.from(), from, pair.to(), to, actor.email());
        } catch (InvalidStoryException e) {
            throw Refusal.invalid("translation.mappings.no-such-section", pair.to());
        }
        audit.record(actor.email(), "translation.mapping", "section:" + from,
                pair.from() + " → " + pair.to() + ": " + (to == null ? "-" : "section:" + to), actor.client());
    }

    /**
     * Sets the tag a tag becomes in the other edition; a blank {@code target} forgets the mapping.
     *
     * @throws Refusal 400 when no tag is named or a name is longer than a tag's
     */
    @Transactional
    void mapTag(Actor actor, Pair pair, String tag, String target) {
        String name = tag == null ? "" : tag.strip();
        String becomes = target == null ? "" : target.strip();
        if (name.isEmpty()) {
            throw Refusal.invalid("translation.mappings.tag-required", pair.from());
        }
        if (name.length() > TAG_LENGTH || becomes.length() > TAG_LENGTH) {
            throw Refusal.invalid("translation.mappings.tag-too-long", TAG_LENGTH);
        }
        mappings.mapTag(pair.from(), name, pair.to(), becomes, actor.email());
        audit.record(actor.email(), "translation.mapping", "tag:" + name.toLowerCase(Locale.ROOT),
                pair.from() + " → " + pair.to() + ": " + (becomes.isEmpty() ? "-" : becomes), actor.client());
    }

    private static long number(String value, String key, String edition) {
        if (value == null || !value.strip().matches("[0-9]{1,18}")) {
            throw Refusal.invalid(key, edition);
        }
        return Long.parseLong(value.strip());
    }
}

package news.gazette.story;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a translation's untouched fields with a machine's suggestion: a field is untouched while it is empty or still
 * the source's text. Fields a person changed are never overwritten. The fields filled are remembered with a
 * fingerprint of what the machine wrote, so the editor marks them as the machine's until someone edits them. When the
 * provider fails for any field, nothing is written.
 */
@Service
public class MachineFill {

    /** The fields a machine may fill, by the names the editor's form uses. */
    public static final List<String> FIELDS = List.of("headline", "standfirst", "body", "imageAlt", "imageCaption");

    private final JdbcClient jdbc;
    private final Stories stories;
    private final StoryWriter writer;
    private final StoryPolicy policy;
    private final TranslationStatus status;
    private final MachineTranslation machine;
    private final DraftChecks checks;

    MachineFill(JdbcClient jdbc, Stories stories, StoryWriter writer, StoryPolicy policy, TranslationStatus status,
                MachineTranslation machine, DraftChecks checks) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.stories = stories;
        this.writer = writer;
        this.policy = policy;
        this.status = status;
        this.machine = machine;
    }

    public boolean enabled() {
        return machine.enabled();
    }

    /**
     * Translates the untouched fields of the translation at {@code version}.
     *
     * @return the fields filled
     * @throws MachineTranslation.Failed when the provider failed; the translation is as it was
     * @throws StaleStoryException       when the translation was saved since {@code version}
     */
    @Transactional
    public List<String> fill(long translationId, int version, StoryActor by) {
        Story story = stories.find(translationId).orElseThrow(() -> new StoryNotFoundException(translationId));
        policy.check(by, story, StoryAction.EDIT);
        if (story.version() != version) {
            throw new StaleStoryException(story);
        }
        TranslationSource link = status.sourceOf(translationId).orElseThrow(() -> new InvalidStoryException("translation-source"));
        Story sourceStory = stories.find(link.sourceStoryId()).orElseThrow(() -> new InvalidStoryException("translation-source"));
        Map<String, String> source = values(writer.current(sourceStory));
        Map<String, String> mine = values(writer.current(story));
        Map<String, String> filled = new LinkedHashMap<>();
        for (String field : FIELDS) {
            String text = source.get(field);
            String now = mine.get(field);
            boolean untouched = now.isBlank() || now.strip().equals(text.strip());
            if (untouched && !text.isBlank()) {
                filled.put(field, machine.translate(text, sourceStory.edition(), story.edition(), field.equals("body")));
            }
        }
        if (filled.isEmpty()) {
            return List.of();
        }
        StoryDraft d = writer.current(story);
        StoryDraft draft = new StoryDraft(filled.getOrDefault("headline", d.headline()),
                filled.getOrDefault("standfirst", d.standfirst()), filled.getOrDefault("body", d.bodyHtml()),
                d.sectionId(), d.tags(), d.authorIds(), d.sourceName(), d.sourceUrl(), d.imageId(),
                filled.getOrDefault("imageAlt", d.imageAlt()), filled.getOrDefault("imageCaption", d.imageCaption()),
                d.imageCredit(), d.breaking(), d.featured(), d.seoTitle(), d.seoDescription(), d.slug());
        StoryDraft clean = DraftChecks.clean(draft);
        checks.check(story.edition(), clean);
        writer.write(story, clean, by.email(), null, false);
        Map<String, String> stored = values(writer.current(stories.find(translationId).orElseThrow()));
        List<String> lines = new ArrayList<>();
        filled.keySet().forEach(field -> lines.add(field + "=" + fingerprint(stored.get(field))));
        jdbc.sql("update translation_sources set machine_fields = ? where story_id = ?")
                .params(String.join("\n", lines), translationId).update();
        return List.copyOf(filled.keySet());
    }

    /** The fields of the translation that still hold what the machine wrote. */
    public List<String> machineParts(Story story) {
        TranslationSource link = status.sourceOf(story.id()).orElse(null);
        if (link == null || link.machineFields() == null || link.machineFields().isBlank()) {
            return List.of();
        }
        Map<String, String> now = values(writer.current(story));
        List<String> parts = new ArrayList<>();
        for (String line : link.machineFields().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && now.containsKey(line.substring(0, eq))
                    && fingerprint(now.get(line.substring(0, eq))).equals(line.substring(eq + 1))) {
                parts.add(line.substring(0, eq));
            }
        }
        return parts;
    }

    private static Map<String, String> values(StoryDraft d) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("headline", nz(d.headline()));
        v.put("standfirst", nz(d.standfirst()));
        v.put("body", nz(d.bodyHtml()));
        v.put("imageAlt", d.imageId() == null ? "" : nz(d.imageAlt()));
        v.put("imageCaption", d.imageId() == null ? "" : nz(d.imageCaption()));
        return v;
    }

    static String fingerprint(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(nz(text).strip().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}

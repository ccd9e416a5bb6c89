package news.gazette.newsroom.editor;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.story.Revisions;
import news.gazette.story.Story;
import org.springframework.stereotype.Component;

/** Who saved a story last and when, in words, for the conflict page. */
@Component
class LastSave {

    private final Revisions revisions;
    private final ZoneId zone;

    LastSave(Revisions revisions, SiteProperties site) {
        this.revisions = revisions;
        this.zone = site.timeZone();
    }

    /** "Saved by … at …", or empty when the story has no revision. */
    String of(Story story, Texts t) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        return revisions.of(story.id()).stream().findFirst()
                .map(r -> t.get("editor.conflict.by", r.savedBy() == null ? "?" : r.savedBy(), format.format(r.savedAt()),
                        String.valueOf(r.storyVersion())))
                .orElse("");
    }
}

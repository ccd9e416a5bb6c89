package news.gazette.reader;

import java.util.List;

import news.gazette.platform.text.Texts;
import news.gazette.story.Corrections;
import org.springframework.stereotype.Component;

/** A story's public notes for its page, with the time in the edition's words. */
@Component
class NoteViews {

    private final Corrections corrections;
    private final Dates dates;

    NoteViews(Corrections corrections, Dates dates) {
        this.corrections = corrections;
        this.dates = dates;
    }

    List<NoteView> of(long storyId, Texts t) {
        return corrections.of(storyId).stream().map(n -> view(n, t, "", "")).toList();
    }

    NoteView view(Corrections.Note n, Texts t, String headline, String href) {
        return new NoteView(n.kind(), t.get("story.note." + n.kind()), n.text(), dates.of(n.notedAt(), t), headline,
                href);
    }
}

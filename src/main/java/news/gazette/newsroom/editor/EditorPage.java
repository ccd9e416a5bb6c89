package news.gazette.newsroom.editor;

import java.util.List;

/**
 * Everything the story editor shows: the form's values (as stored, or as the person sent them when a save was
 * refused), the choices, and what the person may do next.
 *
 * @param id          {@code null} for a story not created yet
 * @param conflict    the fields someone else changed, when a save was refused; else empty
 * @param schedule    the outlet's time zone and times in it, for the schedule field
 * @param others      the names of the other people who have the story open now (any node)
 */
public record EditorPage(Long id, String edition, int version, String status, Values values, List<Option> sections,
                         List<Option> authors, List<Option> images, List<Linked> linked, List<String> translateInto,
                         Actions actions, String error, String notice, List<Change> conflict, Script script,
                         Schedule schedule, List<String> others) {

    /** The form's fields. */
    public record Values(String headline, String slug, String standfirst, String body, String tags, String sourceName,
                         String sourceUrl, String imageAlt, String imageCaption, String imageCredit, boolean breaking,
                         boolean featured, String seoTitle, String seoDescription) {
    }

    /** One choice of a select box. */
    public record Option(String value, String label, boolean selected) {
    }

    /** A version of the story in another edition. */
    public record Linked(String edition, String headline, String status, String href) {
    }

    /**
     * What the person may do: {@code edit} false shows the story read-only (a contributor's story once submitted);
     * the workflow steps are buttons of the editing form, so each acts on what is on screen.
     */
    public record Actions(boolean edit, boolean submit, boolean publish, boolean unpublish, boolean schedule,
                          boolean backToDraft, boolean translate, boolean restore, String previewLink) {

        /** Whether any workflow step is offered. */
        public boolean anyStep() {
            return submit || publish || unpublish || schedule || backToDraft;
        }
    }

    /**
     * One field someone else changed, word by word: removed is their text, added is the person's.
     *
     * @param name   the form field's name, for the choice of the conflict page ("" where there is no choice)
     * @param theirs the stored value, which "take theirs" puts back in the form
     */
    public record Change(String field, List<WordDiff.Segment> segments, String name, String theirs) {

        /** A change shown without a choice (the comparison of two revisions). */
        public Change(String field, List<WordDiff.Segment> segments) {
            this(field, segments, "", "");
        }
    }

    /**
     * What the editor's script needs: where TinyMCE is, the options every newsroom editor shares
     * ({@code static/js/tinymce-base.js}) and TinyMCE's texts in the person's language (the library's images
     * come from the media picker, {@code newsroom/media}).
     */
    public record Script(String tinymce, String tinymceBase, String editorJs, String language, String tinymceTexts,
                         String ownTexts, String editorCss, String presenceJs) {
    }

    /**
     * The schedule field in the outlet's time zone.
     *
     * @param zone      the zone's name ("Asia/Yerevan")
     * @param now       the time now there, in words
     * @param at        the field's value: what was sent, or when a scheduled story is due, or empty
     * @param min       the earliest value the field offers (now)
     * @param publishes "Publishes 6 Dec 2026, 09:00 (Asia/Yerevan)" for a scheduled story, else empty
     */
    public record Schedule(String zone, String now, String at, String min, String publishes) {
    }
}

package news.gazette.newsroom.editor;

import java.util.List;

/**
 * Everything the story editor shows: the form's values (as stored, or as the person sent them when a save was
 * refused), the choices, and what the person may do next.
 *
 * @param id          {@code null} for a story not created yet
 * @param conflict    the fields someone else changed, when a save was refused; else empty
 */
public record EditorPage(Long id, String edition, int version, String status, Values values, List<Option> sections,
                         List<Option> authors, List<Option> images, List<Linked> linked, List<String> translateInto,
                         Actions actions, String error, String notice, List<Change> conflict, Script script) {

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

    /** One field someone else changed, word by word: removed is their text, added is the person's. */
    public record Change(String field, List<WordDiff.Segment> segments) {
    }

    /** What the editor's script needs: where TinyMCE is, its texts in the person's language, the library. */
    public record Script(String tinymce, String editorJs, String language, String tinymceTexts, String ownTexts,
                         String media) {
    }
}

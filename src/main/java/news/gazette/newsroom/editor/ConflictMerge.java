package news.gazette.newsroom.editor;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The conflict page's merge, field by field: for each text field someone else changed, the form carries the stored
 * value ({@code theirs.<field>}) and the person's choice ({@code pick.<field>}, "mine" or "theirs"); the merge puts
 * the chosen value of each into the form and keeps everything else as sent (ADR 96).
 */
final class ConflictMerge {

    /** The text fields the conflict page compares and lets the person choose between, in the page's order. */
    static final List<String> FIELDS = List.of("headline", "standfirst", "body", "slug", "tags", "seoTitle", "seoDescription");

    private ConflictMerge() {
    }

    /** The message key of a field's label. */
    static String label(String field) {
        return switch (field) {
            case "seoTitle" -> "editor.field.seo-title";
            case "seoDescription" -> "editor.field.seo-description";
            default -> "editor.field." + field;
        };
    }

    /** A field's value among the form's values. */
    static String value(EditorPage.Values values, String field) {
        return switch (field) {
            case "headline" -> values.headline();
            case "standfirst" -> values.standfirst();
            case "body" -> values.body();
            case "slug" -> values.slug();
            case "tags" -> values.tags();
            case "seoTitle" -> values.seoTitle();
            case "seoDescription" -> values.seoDescription();
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** What was sent, with the stored value in each field where the person chose theirs. */
    static EditorPage.Values merge(HttpServletRequest r) {
        EditorPage.Values sent = StoryForm.sent(r);
        return new EditorPage.Values(pick(r, "headline"), pick(r, "slug"), pick(r, "standfirst"), pick(r, "body"),
                pick(r, "tags"), sent.sourceName(), sent.sourceUrl(), sent.imageAlt(), sent.imageCaption(),
                sent.imageCredit(), sent.breaking(), sent.featured(), pick(r, "seoTitle"), pick(r, "seoDescription"));
    }

    private static String pick(HttpServletRequest r, String field) {
        boolean theirs = EditorIntent.TAKE_THEIRS.equals(r.getParameter("pick." + field)) && r.getParameter("theirs." + field) != null;
        return StoryForm.text(r, theirs ? "theirs." + field : field);
    }
}

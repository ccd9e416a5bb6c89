package news.gazette.newsroom.editor;

import java.util.List;

import news.gazette.liveblog.Entry;
import news.gazette.liveblog.EntryDraft;
import news.gazette.liveblog.LiveBlog;

/**
 * What the live-blog screen shows: the story, its live blog (or none yet), the forms with what was typed when a form
 * was refused, and the entries.
 *
 * @param blog       {@code null} when the story is not a live blog yet
 * @param mayChange  whether the person may publish the story, and so run its live blog
 * @param editing    the entry whose form was refused ({@code 0} for the new entry's form, {@link #KEY_POINTS} for the
 *                   key points' form, {@code -1} for none)
 * @param typed      what that form held
 * @param keyPoints  the key points as typed, or as stored
 * @param error      a localized error, or empty
 * @param notice     a localized notice, or empty
 * @param readerHref the story's page when it is published, else {@code null}
 * @param images     the media library's recent images an entry may show
 * @param editor     the rich-text editor of the entries and key points, or {@code null} where nothing can be changed
 */
public record LiveBlogForm(long storyId, String headline, String edition, LiveBlog blog, boolean mayChange,
        long editing, EntryDraft typed, String keyPoints, String error, String notice, String readerHref,
        List<Entry> entries, List<Image> images, Editor editor) {

    /** {@link #editing()} when the key points' form was refused. */
    public static final long KEY_POINTS = -2;

    /**
     * Whether the form of this entry ({@code 0}: the new entry's, {@link #KEY_POINTS}: the key points') came back
     * refused: it holds what was typed and is not saved, so leaving it makes the browser ask first like text typed.
     */
    public boolean refused(long form) {
        return !error.isEmpty() && editing == form;
    }

    /** The draft a form shows: what was typed into it when it was refused, otherwise the entry as stored. */
    public EntryDraft draftOf(Entry entry) {
        return editing == entry.id() ? typed : EntryDraft.of(entry);
    }

    public EntryDraft newDraft() {
        return editing == 0 ? typed : EntryDraft.EMPTY;
    }

    /**
     * What the entry editor's script needs ({@code static/js/entry-editor.js}): where TinyMCE is, the options every
     * newsroom editor shares ({@code static/js/tinymce-base.js}), and the texts of its interface in the person's
     * language (the story editor's, {@link EditorTexts}).
     */
    public record Editor(String tinymce, String tinymceBase, String script, String language, String tinymceTexts) {
    }

    /** An image one may choose. */
    public record Image(long id, String label) {
    }
}

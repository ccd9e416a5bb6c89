package news.gazette.newsroom.translation;

import java.util.List;

/**
 * What the editor shows of a story's place among its translations: each edition's state, what changed in the source
 * since the translation was last in step, which parts came from a machine or are still the source's text, and the
 * public notes with those of other editions still to carry over.
 *
 * @param sourceHref   the source's editor, or {@code ""} when the story is not a translation made from a source
 * @param changes      the source's changed blocks since the recorded revision; empty when in step
 * @param noteText     what was typed into the note form when it was refused, else {@code ""}
 */
public record TranslationPanel(long storyId, int version, List<EditionRow> editions, String sourceHref,
                               String sourceEdition, String markedBy, String markedAt, List<ChangeRow> changes,
                               boolean outdated, boolean mayMark, boolean machine, List<String> machineParts,
                               List<String> toTranslate, List<NoteRow> notes, List<NoteRow> pending, boolean mayNote,
                               String noteText, String noteKind, String notice, String error) {

    /** One edition's version of the story. */
    public record EditionRow(String edition, String state, String stateKey, String headline, String href,
                             int correctionsPending) {
    }

    /** One changed block: what kind of change, which part, before and after. */
    public record ChangeRow(String change, String part, String before, String after) {
    }

    /** One public note. */
    public record NoteRow(long id, String kind, String text, String at) {
    }
}

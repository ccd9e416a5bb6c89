package news.gazette.reader;

/**
 * A public correction or update note as readers see it.
 *
 * @param kind    "correction" or "update"
 * @param label   the kind in the edition's language
 * @param storyHref the story the note is on (the corrections page links it), else {@code ""}
 */
public record NoteView(String kind, String label, String text, TimeView at, String storyHeadline, String storyHref) {
}

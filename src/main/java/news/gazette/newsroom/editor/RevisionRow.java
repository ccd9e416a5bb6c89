package news.gazette.newsroom.editor;

/**
 * A revision as the list of a story's revisions shows it.
 */
public record RevisionRow(long id, int version, String savedAt, String savedBy, String headline, String restoredFrom) {
}

package news.gazette.story;

import java.time.Instant;

/**
 * What the desk asks for: every filter is optional ({@code null} matches everything). {@code from} and
 * {@code before} bound the date the list is ordered by (the last change, or the publication time); the other bounds
 * serve the desk's views (published today, drafts not changed for a week).
 */
public record DeskQuery(String edition, StoryStatus status, Long sectionId, Long authorId, Owner owner,
                        String words, Instant from, Instant before, Instant publishedFrom, Instant publishedBefore,
                        Instant changedBefore, Sort sort, int page, int size) {

    /** An account's own stories: those it created and those whose byline names an author linked to it. */
    public record Owner(String email, long accountId) {
    }

    /** The desk's orders, newest or most read first. */
    public enum Sort { UPDATED, PUBLISHED, VIEWS }

    public DeskQuery {
        sort = sort == null ? Sort.UPDATED : sort;
        page = Math.max(1, Math.min(page, 100_000));
        size = Math.max(1, Math.min(size, DeskSearch.MAX_SIZE));
    }

    /** Everything, most recently changed first, the first page of the given size. */
    public static DeskQuery all(int size) {
        return new DeskQuery(null, null, null, null, null, null, null, null, null, null, null, Sort.UPDATED, 1, size);
    }
}

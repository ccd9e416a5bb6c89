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

    /** Names the parts of a query; what is not named matches everything; page 1 of 25, last change first. */
    public static final class Builder {
        private String edition;
        private StoryStatus status;
        private Long sectionId;
        private Long authorId;
        private Owner owner;
        private String words;
        private Instant from;
        private Instant before;
        private Instant publishedFrom;
        private Instant publishedBefore;
        private Instant changedBefore;
        private Sort sort = Sort.UPDATED;
        private int page = 1;
        private int size = 25;

        public Builder edition(String value) { edition = value; return this; }
        public Builder status(StoryStatus value) { status = value; return this; }
        public Builder section(Long id) { sectionId = id; return this; }
        public Builder author(Long id) { authorId = id; return this; }
        public Builder owner(Owner value) { owner = value; return this; }
        public Builder words(String value) { words = value; return this; }
        public Builder from(Instant at) { from = at; return this; }
        public Builder before(Instant at) { before = at; return this; }
        public Builder published(Instant fromAt, Instant beforeAt) { publishedFrom = fromAt; publishedBefore = beforeAt; return this; }
        public Builder changedBefore(Instant at) { changedBefore = at; return this; }
        public Builder sort(Sort value) { sort = value; return this; }
        public Builder page(int value) { page = value; return this; }
        public Builder size(int value) { size = value; return this; }

        public DeskQuery build() {
            return new DeskQuery(edition, status, sectionId, authorId, owner, words, from, before, publishedFrom,
                    publishedBefore, changedBefore, sort, page, size);
        }
    }
}

package news.gazette.transfer;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * What an export file holds, read into one shape whatever system wrote it. Ids are the source system's own.
 *
 * @param site  the address or name of the source site, part of what makes an imported item the same item again
 * @param skips items the reader left out already (private posts, trash, internal tags…)
 */
record SourceExport(ImportFormat format, String site, List<Person> authors, List<Term> sections, List<Term> tags,
                    Entries stories, List<ImportReport.Skip> skips) {

    /**
     * The posts and pages, walked one at a time. A WordPress export reads them afresh from its file on every walk, so
     * they are never all in memory; a Ghost export (a JSON document) holds its list.
     */
    @FunctionalInterface
    interface Entries {

        void forEach(Consumer<Entry> each);

        static Entries of(List<Entry> entries) {
            List<Entry> kept = List.copyOf(entries);
            return kept::forEach;
        }
    }

    /** An author of the source site. */
    record Person(String id, String slug, String name, String bio) {
    }

    /** A category (or Ghost primary tag) or a tag. */
    record Term(String id, String slug, String name, String description) {
    }

    /**
     * A post or page.
     *
     * @param page         a page rather than a post
     * @param status       the Gazette status name it maps to: draft, in_review, scheduled, published
     * @param sectionId    the source id of its section, or {@code null} for none
     * @param featuredPath the image's path inside the uploads, or {@code null}
     * @param oldPaths     the addresses readers knew it by, path and query only
     * @param unreadableDate the publish date as written when it could not be read (then {@code publishedAt} is
     *                       {@code null} and the report names it), else {@code null}
     */
    record Entry(String id, boolean page, String title, String html, String excerpt, String status,
                 Instant publishedAt, String sectionId, List<String> authorIds, List<String> tagIds,
                 String featuredPath, List<String> oldPaths, String unreadableDate) {

        ImportReport.Kind kind() {
            return page ? ImportReport.Kind.PAGE : ImportReport.Kind.STORY;
        }
    }
}

package news.gazette.reader;

/**
 * The members a {@code LiveBlogPosting} adds to a story's structured data: when the coverage started and ended, and
 * its updates (the entries on the page, newest first) as {@code BlogPosting}s with their own times, text and address.
 */
final class LiveBlogJsonLd {

    private LiveBlogJsonLd() {
    }

    static void write(JsonLd json, LiveBlogView live) {
        json.string("coverageStartTime", live.startedAt().iso());
        if (live.endedAt() != null) {
            json.string("coverageEndTime", live.endedAt().iso());
        }
        json.array("liveBlogUpdate");
        for (LiveBlogView.EntryView entry : live.entries()) {
            json.object(null).string("@type", "BlogPosting")
                    .string("headline", entry.headline() == null ? headlineFrom(entry.plainText()) : entry.headline())
                    .string("url", entry.url())
                    .string("datePublished", entry.time().iso())
                    .string("dateModified", entry.updated() == null ? entry.time().iso() : entry.updated().iso())
                    .string("articleBody", entry.plainText())
                    .endObject();
        }
        json.endArray();
    }

    /** A headline is required of a {@code BlogPosting}: an entry without one is named by the start of its text. */
    static String headlineFrom(String text) {
        if (text.length() <= 110) {
            return text;
        }
        int cut = text.lastIndexOf(' ', 109);
        return text.substring(0, cut > 40 ? cut : 109) + "…";
    }
}

package news.gazette.demo;

import java.util.List;

/**
 * One edition's demo content as written in {@code demo/<edition>.json}.
 */
record DemoEdition(String edition, String outlet, List<Section> sections, List<Author> authors, List<Story> stories) {

    record Section(String key, String slug, String name, String description) {
    }

    record Author(String key, String slug, String name, String bio) {
    }

    record Tag(String slug, String name) {
    }

    record Source(String name, String url) {
    }

    record Image(String motif, String alt, String caption, String credit) {
    }

    record Story(String key, String section, List<String> authors, List<Tag> tags, String headline, String standfirst,
                 String body, Source source, int publishedHoursAgo, Integer updatedHoursAgo, boolean featured,
                 boolean breaking, Image image) {
    }
}

package news.gazette.story;

import java.util.List;

/**
 * Everything the editor form sends about a story. The body is HTML from the editor; it is parsed into blocks.
 *
 * @param slug   empty to make one from the headline
 * @param tags   tag names; new ones are created
 * @param source empty name and address for a story that is not a press review
 */
public record StoryDraft(String headline, String standfirst, String bodyHtml, long sectionId, List<String> tags,
                        List<Long> authorIds, String sourceName, String sourceUrl, Long imageId, String imageAlt,
                        String imageCaption, String imageCredit, boolean breaking, boolean featured, String seoTitle,
                        String seoDescription, String slug) {

    /** A story with nothing in it yet, in the given section. */
    public static StoryDraft empty(long sectionId) {
        return new StoryDraft("", "", "", sectionId, List.of(), List.of(), "", "", null, "", "", "", false, false, null,
                null, "");
    }
}

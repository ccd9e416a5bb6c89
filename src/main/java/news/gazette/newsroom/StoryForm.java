package news.gazette.newsroom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.StoryDraft;

/**
 * Reads the editor form into a {@link StoryDraft}; a number that is not one names its field as invalid.
 */
final class StoryForm {

    private StoryForm() {
    }

    static StoryDraft read(HttpServletRequest request) {
        List<Long> authors = new ArrayList<>();
        String[] chosen = request.getParameterValues("authors");
        for (String value : chosen == null ? new String[0] : chosen) {
            authors.add(number(value, "authors"));
        }
        String image = text(request, "imageId");
        List<String> tags = Arrays.stream(text(request, "tags").split(",")).map(String::strip)
                .filter(s -> !s.isEmpty()).distinct().toList();
        return new StoryDraft(text(request, "headline"), text(request, "standfirst"), text(request, "body"),
                number(text(request, "sectionId"), "section"), tags, authors, text(request, "sourceName"),
                text(request, "sourceUrl"), image.isEmpty() ? null : number(image, "image"), text(request, "imageAlt"),
                text(request, "imageCaption"), text(request, "imageCredit"), checked(request, "breaking"),
                checked(request, "featured"), text(request, "seoTitle"), text(request, "seoDescription"),
                text(request, "slug"));
    }

    /** The version the form was loaded at. */
    static int version(HttpServletRequest request) {
        String value = text(request, "version");
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidStoryException("version");
        }
        return Integer.parseInt(value);
    }

    private static long number(String value, String field) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw new InvalidStoryException(field);
        }
        return Long.parseLong(value);
    }

    private static boolean checked(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return "on".equals(value) || "true".equals(value);
    }

    private static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}

package news.gazette.newsroom.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.StoryEdit;

/**
 * Reads the editor form: strictly into a {@link StoryEdit} to save (a number that is not one names its field as
 * invalid), or leniently, as typed, to show the form again when a save was refused.
 */
final class StoryForm {

    private StoryForm() {
    }

    /**
     * The change the form makes: a field the request does not carry at all stays as it is. Checkboxes and the byline
     * list send nothing when empty, so the form marks their presence with {@code _flags} and {@code _authors}.
     */
    static StoryEdit read(HttpServletRequest request) {
        StoryEdit.Builder edit = StoryEdit.builder()
                .headline(present(request, "headline")).standfirst(present(request, "standfirst"))
                .body(present(request, "body")).source(present(request, "sourceName"), present(request, "sourceUrl"))
                .imageAlt(present(request, "imageAlt")).imageCaption(present(request, "imageCaption"))
                .imageCredit(present(request, "imageCredit")).seoTitle(present(request, "seoTitle"))
                .seoDescription(present(request, "seoDescription")).slug(present(request, "slug"));
        String section = present(request, "sectionId");
        if (section != null) {
            edit.section(number(section, "section"));
        }
        String image = present(request, "imageId");
        if (image != null) {
            edit.image(image.isEmpty() ? StoryEdit.NO_IMAGE : number(image, "image"));
        }
        String tags = present(request, "tags");
        if (tags != null) {
            edit.tags(Arrays.stream(tags.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList());
        }
        if (request.getParameter("_authors") != null || request.getParameterValues("authors") != null) {
            List<Long> authors = new ArrayList<>();
            String[] chosen = request.getParameterValues("authors");
            for (String value : chosen == null ? new String[0] : chosen) {
                authors.add(number(value, "authors"));
            }
            edit.authors(authors);
        }
        if (request.getParameter("_flags") != null) {
            edit.breaking(checked(request, "breaking")).featured(checked(request, "featured"));
        }
        return edit.build();
    }

    private static String present(HttpServletRequest request, String name) {
        return request.getParameter(name);
    }

    /** The version the form was loaded at. */
    static int version(HttpServletRequest request) {
        String value = text(request, "version");
        if (!value.matches("[0-9]{1,9}")) {
            throw new InvalidStoryException("version");
        }
        return Integer.parseInt(value);
    }

    /** What the person sent, to show again when the save was refused: nothing they wrote is lost. */
    static EditorPage.Values sent(HttpServletRequest r) {
        return new EditorPage.Values(text(r, "headline"), text(r, "slug"), text(r, "standfirst"), text(r, "body"), text(r, "tags"),
                text(r, "sourceName"), text(r, "sourceUrl"), text(r, "imageAlt"), text(r, "imageCaption"), text(r, "imageCredit"),
                checked(r, "breaking"), checked(r, "featured"), text(r, "seoTitle"),
                text(r, "seoDescription"));
    }

    static long sectionOf(HttpServletRequest r) {
        String value = text(r, "sectionId");
        return value.matches("[0-9]{1,18}") ? Long.parseLong(value) : 0;
    }

    static List<Long> authorsOf(HttpServletRequest r) {
        String[] values = r.getParameterValues("authors");
        List<Long> ids = new ArrayList<>();
        for (String v : values == null ? new String[0] : values) {
            if (v.matches("[0-9]{1,18}")) {
                ids.add(Long.parseLong(v));
            }
        }
        return ids;
    }

    static Long imageOf(HttpServletRequest r) {
        String value = text(r, "imageId");
        return value.matches("[0-9]{1,18}") ? Long.parseLong(value) : null;
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

    static String text(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null ? "" : value;
    }
}

package news.gazette.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import news.gazette.story.NewStory;
import news.gazette.story.Story;
import news.gazette.story.StoryImports;
import org.springframework.stereotype.Component;

/**
 * The one place an import writes stories, through the story module's {@link StoryImports}, which checks the state
 * and chooses the event readers' caches and search follow.
 */
@Component
class ImportWriter {

    private final StoryImports imports;

    ImportWriter(StoryImports imports) {
        this.imports = imports;
    }

    long create(NewStory story) {
        return imports.bring(story, "import");
    }

    void replace(Story before, NewStory story) {
        imports.replace(before, story, "import");
    }
    /** A digest of everything an import sets on a story, so an unchanged source item is told from a changed one. */
    static String fingerprint(NewStory story) {
        String state = String.join("\u0000", story.edition(), String.valueOf(story.sectionId()), story.headline(),
                story.standfirst(), story.body(), story.status().name(), String.valueOf(story.imageId()),
                String.valueOf(story.publishedAt()), story.authorIds().toString(), story.tagIds().toString());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

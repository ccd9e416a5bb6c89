package news.gazette.newsroom.media;

import java.util.List;

/**
 * What the story editor's page needs for the media picker: the story it opens for, the editions to filter by, the
 * script, and the featured image's thumbnail (shown with or without the script).
 *
 * @param story    the story's id, or {@code null} for a story not saved yet
 * @param edition  the story's edition, which an upload from the picker is brought in for
 * @param preview  the featured image's thumbnail address, or {@code null} when the story has none
 */
public record PickerView(Long story, String edition, List<String> editions, String script, String preview,
                         int previewWidth, int previewHeight) {
}

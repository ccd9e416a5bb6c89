package news.gazette.transfer;

import java.nio.file.Path;

/**
 * One import: the export file of a format, the edition it goes into, where its images are (a folder, a zip, or
 * {@code null}), and whether pages come in as stories.
 */
public record ImportRequest(ImportFormat format, String edition, Path file, Path images, boolean pages) {
}

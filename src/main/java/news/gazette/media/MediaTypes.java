package news.gazette.media;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The only content types a media file is ever served with, chosen by the file name's extension from a fixed map,
 * never taken from a database row or an archive: {@code /media/} answers images or nothing. With {@link #CONTENT_SECURITY_POLICY}'s
 * sandboxing policy and {@code nosniff}, even a file that is not what its name says cannot run a script there.
 */
public final class MediaTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of("jpg", "image/jpeg", "png", "image/png",
            "gif", "image/gif", "webp", "image/webp");

    /**
     * The Content-Security-Policy of every media file: a sandbox without scripts or same-origin rights, nothing
     * loaded but the image itself, never framed.
     */
    public static final String CONTENT_SECURITY_POLICY = "sandbox; default-src 'none'; img-src 'self'; "
            + "frame-ancestors 'none'";

    private MediaTypes() {
    }

    /** The content type of a media file name, or empty when its extension is not one of an image format. */
    public static Optional<String> of(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_EXTENSION.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }
}

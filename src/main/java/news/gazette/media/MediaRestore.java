package news.gazette.media;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.regex.Matcher;

import news.gazette.media.MediaRefusedException.Reason;
import org.springframework.stereotype.Component;

/**
 * Media files an archive restore brings back as they are (so exporting again gives the same bytes). Each is checked
 * as an upload is, by {@link ImageIntake#check}, before anything is written, and stored with the type of the format
 * found, never the type the archive says.
 */
@Component
public class MediaRestore {

    private final MediaLibrary library;
    private final MediaStore store;

    MediaRestore(MediaLibrary library, MediaStore store) {
        this.library = library;
        this.store = store;
    }

    /**
     * Checks a restored file: an image of a format the library takes, decoded whole without a warning, whose name
     * ends with its format's extension.
     *
     * @return the content type of the format found
     * @throws MediaRefusedException when it is anything else
     */
    public String check(String fileName, byte[] bytes) throws MediaRefusedException {
        Matcher m = fileName == null ? null : MediaLibrary.FILE_NAME.matcher(fileName);
        if (m == null || !m.matches()) {
            throw new MediaRefusedException(Reason.NOT_AN_IMAGE, "not a media file name: " + fileName);
        }
        ImageFormat format = library.intake().check(bytes);
        if (!format.extension().equals(m.group(3))) {
            throw new MediaRefusedException(Reason.NOT_AN_IMAGE, fileName + " holds " + format);
        }
        return format.contentType();
    }

    /**
     * Writes back a checked file of an image whose row an archive restore has just inserted.
     *
     * @return false when no restored image has a file of this name (nothing is written then)
     */
    public boolean restoreFile(String fileName, byte[] bytes, String contentType) {
        Matcher m = fileName == null ? null : MediaLibrary.FILE_NAME.matcher(fileName);
        if (m == null || !m.matches()) {
            return false;
        }
        Optional<Media> owner = library.byFileName(m.group(1) + "." + m.group(3))
                .or(() -> library.byFileName(fileName)).filter(media -> media.fileNames().contains(fileName));
        if (owner.isEmpty()) {
            return false;
        }
        try {
            store.put(fileName, new ByteArrayInputStream(bytes), bytes.length, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store " + fileName, e);
        }
        return true;
    }
}

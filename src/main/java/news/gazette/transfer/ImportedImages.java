package news.gazette.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaRefusedException;
import org.springframework.stereotype.Component;

/**
 * Images an import brings: checked before anything is stored, named by their content (so the same image imported
 * twice is stored once), and stored through the media library — the one place an import calls it.
 */
@Component
class ImportedImages {

    /** Who the library records as the uploader of imported images. */
    private static final String IMPORTER = "import";

    /** What checking an image found. */
    sealed interface Check permits Checked, Refusal {
    }

    /** An image that passed the checks and may be stored. */
    record Checked(String path, String fileName, String contentType, int width, int height, byte[] bytes)
            implements Check {
    }

    /** Why an image cannot be imported: a message key. */
    record Refusal(String reason) implements Check {
    }

    private final MediaLibrary library;

    ImportedImages(MediaLibrary library) {
        this.library = library;
    }

    /** Reads the size and kind from the image's header; anything but a PNG, JPEG or GIF of sane size is refused. */
    static Check check(String path, byte[] bytes, ImportLimits limits) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return new Refusal("transfer.skip.image-unreadable");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                String format = reader.getFormatName().toLowerCase(Locale.ROOT);
                String extension = switch (format) {
                    case "jpeg", "jpg" -> "jpg";
                    case "png" -> "png";
                    case "gif" -> "gif";
                    default -> null;
                };
                if (extension == null) {
                    return new Refusal("transfer.skip.image-unreadable");
                }
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || width > limits.maxImageSide() || height > limits.maxImageSide()) {
                    return new Refusal("transfer.skip.image-too-large");
                }
                String type = extension.equals("jpg") ? "image/jpeg" : "image/" + extension;
                return new Checked(path, "import-" + digest(bytes) + "." + extension, type, width, height, bytes);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return new Refusal("transfer.skip.image-unreadable");
        }
    }

    /** The library's copy of an image an import stored before, under the same content name. */
    Optional<Media> existing(Checked image) {
        return library.byOriginalName(image.fileName());
    }

    /** Stores the image through the library's own checks; empty when the library refuses it after all. */
    Optional<Media> store(Checked image) {
        try {
            return Optional.of(library.upload(image.fileName(), new ByteArrayInputStream(image.bytes()), IMPORTER,
                    MediaLibrary.Details.NONE));
        } catch (MediaRefusedException refused) {
            return Optional.empty();
        }
    }

    /** Removes the files of an image stored by an import that then failed; its database row went with the rollback. */
    void discard(Media media) {
        library.discardFiles(media);
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

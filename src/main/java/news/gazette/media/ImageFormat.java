package news.gazette.media;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The image formats an upload may be in, told apart by their first bytes (never by name or declared type).
 */
enum ImageFormat {
    JPEG("jpeg", "jpg"), PNG("png", "png"), GIF("gif", "gif"), WEBP("webp", "webp");

    private final String readerName;
    private final String extension;

    ImageFormat(String readerName, String extension) {
        this.readerName = readerName;
        this.extension = extension;
    }

    String readerName() {
        return readerName;
    }

    /** The extension a stored file of this format has. */
    String extension() {
        return extension;
    }

    /** The content type it is served with: always one of {@link MediaTypes}. */
    String contentType() {
        return "image/" + readerName;
    }

    /** The format the bytes begin with, or {@code null}. */
    static ImageFormat sniff(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (startsWith(b, 0, new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'})) {
            return PNG;
        }
        if (startsWith(b, 0, ascii("GIF87a")) || startsWith(b, 0, ascii("GIF89a"))) {
            return GIF;
        }
        if (startsWith(b, 0, ascii("RIFF")) && startsWith(b, 8, ascii("WEBP"))) {
            return WEBP;
        }
        return null;
    }

    /** Whether the bytes look like SVG (XML text with an svg element near the start), to say so plainly. */
    static boolean looksLikeSvg(byte[] b) {
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        return head.stripLeading().startsWith("<") && head.contains("<svg");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static boolean startsWith(byte[] b, int at, byte[] prefix) {
        if (b.length < at + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[at + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}

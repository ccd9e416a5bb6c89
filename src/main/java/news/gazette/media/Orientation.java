package news.gazette.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.charset.StandardCharsets;

/**
 * The EXIF orientation of a JPEG (how the camera was held), read from the file's first EXIF segment, and the pixels
 * turned so that they stand upright without it. Only this one tag is read; the rest of the EXIF is never kept.
 */
final class Orientation {

    private static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);

    private Orientation() {
    }

    /** The orientation tag (1 to 8), or 1 (upright) when there is none or it cannot be read. */
    static int ofJpeg(byte[] b) {
        try {
            int i = 2;
            while (i + 4 <= b.length && (b[i] & 0xff) == 0xff) {
                int marker = b[i + 1] & 0xff;
                int length = u16(b, i + 2, false);
                if (marker == 0xDA || marker == 0xD9 || length < 2) {
                    return 1;
                }
                if (marker == 0xE1 && length > 16 && startsWith(b, i + 4)) {
                    return fromTiff(b, i + 10, i + 2 + length);
                }
                i += 2 + length;
            }
        } catch (IndexOutOfBoundsException cutShort) {
            return 1;
        }
        return 1;
    }

    private static int fromTiff(byte[] b, int tiff, int end) {
        boolean little = b[tiff] == 'I';
        int ifd = tiff + u32(b, tiff + 4, little);
        int entries = u16(b, ifd, little);
        for (int k = 0; k < entries && ifd + 2 + 12 * (k + 1) <= end; k++) {
            int entry = ifd + 2 + 12 * k;
            if (u16(b, entry, little) == 0x0112) {
                int value = u16(b, entry + 8, little);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The image turned or mirrored as the orientation says; the same image when it is upright. */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation <= 1 || orientation > 8 || image.getType() != BufferedImage.TYPE_INT_RGB) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        BufferedImage result = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        int[] from = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int[] to = ((DataBufferInt) result.getRaster().getDataBuffer()).getData();
        int outWidth = result.getWidth();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int dx;
                int dy;
                switch (orientation) {
                    case 2 -> { dx = w - 1 - x; dy = y; }
                    case 3 -> { dx = w - 1 - x; dy = h - 1 - y; }
                    case 4 -> { dx = x; dy = h - 1 - y; }
                    case 5 -> { dx = y; dy = x; }
                    case 6 -> { dx = h - 1 - y; dy = x; }
                    case 7 -> { dx = h - 1 - y; dy = w - 1 - x; }
                    default -> { dx = y; dy = w - 1 - x; }
                }
                to[dy * outWidth + dx] = from[y * w + x];
            }
        }
        return result;
    }

    private static boolean startsWith(byte[] b, int at) {
        for (int k = 0; k < EXIF.length; k++) {
            if (b[at + k] != EXIF[k]) {
                return false;
            }
        }
        return true;
    }

    private static int u16(byte[] b, int at, boolean little) {
        int a = b[at] & 0xff;
        int c = b[at + 1] & 0xff;
        return little ? (c << 8) | a : (a << 8) | c;
    }

    private static int u32(byte[] b, int at, boolean little) {
        return little ? (u16(b, at + 2, true) << 16) | u16(b, at, true) : (u16(b, at, false) << 16) | u16(b, at + 2, false);
    }
}

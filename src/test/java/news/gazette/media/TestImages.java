package news.gazette.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;

import javax.imageio.ImageIO;

/**
 * Image files for tests, made here: valid ones, ones that lie about their size, broken ones, and a JPEG carrying
 * EXIF with GPS position, an XMP packet and a comment.
 */
public final class TestImages {

    /** Text placed in the EXIF, XMP and comment of {@link #jpegWithGps}; none of it may survive an upload. */
    public static final String SECRET = "Secret-Place-40.1811N-44.5136E";

    private TestImages() {
    }

    public static byte[] jpeg(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "jpeg");
    }

    public static byte[] png(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_ARGB), "png");
    }

    public static byte[] gif(int width, int height) {
        return encode(picture(width, height, BufferedImage.TYPE_INT_RGB), "gif");
    }

    private static BufferedImage picture(int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(0x1d3557));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xe63946));
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A real JPEG with, right after its start marker, an EXIF segment whose GPS directory holds a latitude reference
     * and {@link #SECRET} as the GPS processing method, an XMP segment and a comment segment.
     */
    public static byte[] jpegWithGps(int width, int height) {
        byte[] plain = jpeg(width, height);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        writeSegment(out, 0xE1, exifWithGps());
        writeSegment(out, 0xE1, ("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">" + SECRET
                + "</x:xmpmeta>").getBytes(StandardCharsets.UTF_8));
        writeSegment(out, 0xFE, SECRET.getBytes(StandardCharsets.US_ASCII));
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    private static byte[] exifWithGps() {
        byte[] secret = (SECRET + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer tiff = ByteBuffer.allocate(8 + 18 + 30 + secret.length);
        tiff.put(new byte[] {'M', 'M', 0, 42}).putInt(8);
        // IFD0: one entry, the GPS directory's offset.
        tiff.putShort((short) 1).putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(26).putInt(0);
        // GPS IFD at 26: latitude reference "N", and the processing method holding the secret.
        tiff.putShort((short) 2);
        tiff.putShort((short) 1).putShort((short) 2).putInt(2).put(new byte[] {'N', 0, 0, 0});
        tiff.putShort((short) 0x1B).putShort((short) 7).putInt(secret.length).putInt(56);
        tiff.putInt(0);
        tiff.put(secret);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[header.length + tiff.capacity()];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(tiff.array(), 0, body, header.length, tiff.capacity());
        return body;
    }

    private static void writeSegment(ByteArrayOutputStream out, int marker, byte[] body) {
        out.write(0xFF);
        out.write(marker);
        int length = body.length + 2;
        out.write(length >> 8);
        out.write(length & 0xFF);
        out.write(body, 0, body.length);
    }

    /**
     * A JPEG whose pixels are red on the left half and blue on the right, with an EXIF orientation tag
     * (6: the camera was turned, the picture must be rotated 90° clockwise to stand upright).
     */
    public static byte[] jpegWithOrientation(int width, int height, int orientation, boolean littleEndian) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height);
        g.setColor(Color.BLUE);
        g.fillRect(width / 2, 0, width - width / 2, height);
        g.dispose();
        byte[] plain = encode(image, "jpeg");
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? java.nio.ByteOrder.LITTLE_ENDIAN
                : java.nio.ByteOrder.BIG_ENDIAN);
        tiff.put(littleEndian ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'}).putShort((short) 42).putInt(8);
        tiff.putShort((short) 1).putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation)
                .putShort((short) 0).putInt(0);
        byte[] header = "Exif\0\0".getBytes(StandardCharsets.US_ASCII);
        byte[] body = new byte[header.length + 26];
        System.arraycopy(header, 0, body, 0, header.length);
        System.arraycopy(tiff.array(), 0, body, header.length, 26);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        writeSegment(out, 0xE1, body);
        out.write(plain, 2, plain.length - 2);
        return out.toByteArray();
    }

    /** The first part of a JPEG, as an interrupted upload leaves it. */
    public static byte[] truncatedJpeg() {
        byte[] whole = jpeg(800, 600);
        return Arrays.copyOf(whole, whole.length * 2 / 3);
    }

    /**
     * A PNG of a few dozen bytes whose header says 30000 × 30000 pixels; decoding it would need gigabytes.
     */
    public static byte[] pngClaiming(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 6).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A real, complete grey PNG of the given size whose pixels are all black: a few kilobytes on disk however many
     * megapixels it has once decoded, as the probe's 49-megapixel uploads of 190 KB were.
     */
    public static byte[] largeGreyPng(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 0).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (var deflate = new java.util.zip.DeflaterOutputStream(compressed)) {
            byte[] row = new byte[width + 1];
            for (int y = 0; y < height; y++) {
                deflate.write(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ihdr.array());
        chunk(out, "IDAT", compressed.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** A GIF header and screen descriptor claiming the given size, and one tiny frame. */
    public static byte[] gifClaiming(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(64).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) width).putShort((short) height)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        b.put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) width).putShort((short) height)
                .put((byte) 0);
        b.put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);
        return Arrays.copyOf(b.array(), b.position());
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(name);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    public static final byte[] SVG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>
            """.getBytes(StandardCharsets.UTF_8);

    public static final byte[] NOT_AN_IMAGE = "%PDF-1.7 this is a document, not a picture".getBytes(StandardCharsets.US_ASCII);

    /** Whether the bytes hold an EXIF segment header or the secret planted in {@link #jpegWithGps}. */
    public static boolean carriesMetadata(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        return text.contains("Exif\0\0") || text.contains(SECRET) || text.contains("GPS") || text.contains("xmpmeta");
    }
}

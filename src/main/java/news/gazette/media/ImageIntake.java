package news.gazette.media;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import news.gazette.media.MediaRefusedException.Reason;

/**
 * Turns uploaded bytes into images safe to publish, checking the cheap things first: the size while reading (never
 * more than the limit plus one byte is read), the format from the first bytes, the dimensions from the header alone
 * (no pixel is decoded before they pass), then the pixels. What is stored is re-encoded pixels, so no EXIF, GPS, XMP
 * or comment of the upload survives. A GIF keeps its first frame only (as PNG): re-encoding animation safely would
 * need a frame budget of its own. JPEG stays JPEG; PNG, GIF and transparent WebP become PNG; opaque WebP becomes JPEG.
 * A JPEG's EXIF orientation is applied to the pixels before the EXIF is dropped, so phone photos stay upright.
 * Decoding takes its share of the node's {@link DecodeBudget} from the header's dimensions first, and holds it until
 * the variants are made.
 */
final class ImageIntake {

    /** An image ready to store: the re-encoded original and its narrower variants, by width. */
    record Processed(String contentType, String extension, int width, int height, byte[] original,
                     SortedMap<Integer, byte[]> variants) {
    }

    private final MediaProperties properties;
    private final DecodeBudget budget;
    /** How many times pixels were decoded; lets tests prove that refusals happen before decoding. */
    final LongAdder decodes = new LongAdder();

    ImageIntake(MediaProperties properties) {
        this(properties, DecodeBudget.of(properties));
    }

    ImageIntake(MediaProperties properties, DecodeBudget budget) {
        this.properties = properties;
        this.budget = budget;
    }

    Processed take(InputStream upload) throws MediaRefusedException {
        byte[] bytes = readAtMost(upload, properties.maxFileSize().toBytes());
        ImageFormat format = format(bytes);
        try (Decoded decoded = decode(format, bytes)) {
            BufferedImage pixels = decoded.image();
            boolean alpha = pixels.getColorModel().hasAlpha();
            boolean png = format == ImageFormat.PNG || format == ImageFormat.GIF || (format == ImageFormat.WEBP && alpha);
            BufferedImage flat = png ? toArgb(pixels) : toRgb(pixels);
            if (format == ImageFormat.JPEG) {
                flat = Orientation.upright(flat, Orientation.ofJpeg(bytes));
            }
            return process(flat, png);
        }
    }

    /**
     * Checks a stored file brought back as it is (an archive's), as an upload is checked — format from the first
     * bytes, dimensions from the header, every pixel decoded within the memory budget — without re-encoding it.
     *
     * @return its format, which gives the type it is stored and served with
     */
    ImageFormat check(byte[] bytes) throws MediaRefusedException {
        ImageFormat format = format(bytes);
        try (Decoded ignored = decode(format, bytes)) {
            return format;
        }
    }

    private static ImageFormat format(byte[] bytes) throws MediaRefusedException {
        if (bytes.length == 0) {
            throw new MediaRefusedException(Reason.EMPTY, "no bytes");
        }
        ImageFormat format = ImageFormat.sniff(bytes);
        if (format == null) {
            throw new MediaRefusedException(ImageFormat.looksLikeSvg(bytes) ? Reason.SVG : Reason.NOT_AN_IMAGE,
                    "unknown leading bytes");
        }
        if (format == ImageFormat.JPEG && !endsWithEoi(bytes)) {
            throw new MediaRefusedException(Reason.CORRUPT, "JPEG without its end marker");
        }
        return format;
    }

    /** Makes the stored original and variants of pixels drawn by Gazette itself (the demo illustrations). */
    Processed drawn(BufferedImage image) {
        return process(toRgb(image), false);
    }

    private Processed process(BufferedImage image, boolean png) {
        SortedMap<Integer, byte[]> variants = new TreeMap<>();
        for (int width : properties.widths().stream().sorted().distinct().toList()) {
            if (width < image.getWidth()) {
                variants.put(width, encode(scale(image, width), png));
            }
        }
        return new Processed(png ? "image/png" : "image/jpeg", png ? "png" : "jpg", image.getWidth(),
                image.getHeight(), encode(image, png), variants);
    }

    private static byte[] readAtMost(InputStream in, long limit) throws MediaRefusedException {
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new MediaRefusedException(Reason.TOO_LARGE, "more than " + limit + " bytes");
            }
            return bytes;
        } catch (IOException e) {
            throw new MediaRefusedException(Reason.CORRUPT, "unreadable upload: " + e.getMessage());
        }
    }

    private static boolean endsWithEoi(byte[] b) {
        // Some cameras pad after the end marker; look at the last few bytes only.
        for (int i = b.length - 2; i >= Math.max(0, b.length - 64); i--) {
            if ((b[i] & 0xff) == 0xff && (b[i + 1] & 0xff) == 0xd9) {
                return true;
            }
        }
        return false;
    }

    /** Pixels and the share of the decoding budget they hold until closed. */
    private record Decoded(BufferedImage image, DecodeBudget.Lease lease) implements AutoCloseable {

        @Override
        public void close() {
            lease.close();
        }
    }

    private Decoded decode(ImageFormat format, byte[] bytes) throws MediaRefusedException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.readerName());
        if (!readers.hasNext()) {
            throw new MediaRefusedException(Reason.NOT_AN_IMAGE, "no reader for " + format);
        }
        ImageReader reader = readers.next();
        DecodeBudget.Lease lease = null;
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(stream, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            checkDimensions(width, height);
            lease = budget.take(width, height);
            AtomicBoolean warned = new AtomicBoolean();
            reader.addIIOReadWarningListener((source, warning) -> warned.set(true));
            decodes.increment();
            BufferedImage image = reader.read(0);
            if (warned.get() || image == null) {
                throw new MediaRefusedException(Reason.CORRUPT, "the decoder warned about the data");
            }
            Decoded decoded = new Decoded(image, lease);
            lease = null;
            return decoded;
        } catch (IOException | RuntimeException e) {
            throw new MediaRefusedException(Reason.CORRUPT, String.valueOf(e.getMessage()));
        } finally {
            if (lease != null) {
                lease.close();
            }
            reader.dispose();
        }
    }

    private void checkDimensions(int width, int height) throws MediaRefusedException {
        if (width <= 0 || height <= 0) {
            throw new MediaRefusedException(Reason.CORRUPT, "no dimensions");
        }
        if (width > properties.maxSide() || height > properties.maxSide()
                || (long) width * height > properties.maxPixels()) {
            throw new MediaRefusedException(Reason.TOO_MANY_PIXELS, width + "×" + height);
        }
    }

    private static BufferedImage toRgb(BufferedImage source) {
        return redraw(source, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage toArgb(BufferedImage source) {
        return redraw(source, BufferedImage.TYPE_INT_ARGB);
    }

    private static BufferedImage redraw(BufferedImage source, int type) {
        if (source.getType() == type) {
            return source;
        }
        BufferedImage copy = new BufferedImage(source.getWidth(), source.getHeight(), type);
        Graphics2D g = copy.createGraphics();
        try {
            if (type == BufferedImage.TYPE_INT_RGB) {
                // Transparent parts of an image stored as JPEG become white, as on the page.
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, copy.getWidth(), copy.getHeight());
            }
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return copy;
    }

    /** Halves with bilinear filtering until one step is left, which keeps thin lines from breaking up. */
    private static BufferedImage scale(BufferedImage source, int width) {
        BufferedImage current = source;
        int targetHeight = Media.heightAt(source.getWidth(), source.getHeight(), width);
        while (current.getWidth() / 2 >= width) {
            current = resize(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
        }
        return resize(current, width, targetHeight);
    }

    private static BufferedImage resize(BufferedImage source, int width, int height) {
        BufferedImage result = new BufferedImage(width, height, source.getType());
        Graphics2D g = result.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return result;
    }

    private byte[] encode(BufferedImage image, boolean png) {
        if (!png) {
            // The JDK's JPEG writer reads 3-byte BGR rows directly and converts any other layout pixel by pixel: one
            // copy first makes the encoding about a fifth faster once warm and several times faster cold, as at the
            // start's demo content (JpegEncodeBench: 15.0 -> 12.0 ms warm, 94.5 -> 33.8 ms in the first round).
            image = redraw(image, BufferedImage.TYPE_3BYTE_BGR);
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName(png ? "png" : "jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (!png) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(properties.quality());
                param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            }
            // No metadata is passed: the file carries pixels and the format's own minimal header only.
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

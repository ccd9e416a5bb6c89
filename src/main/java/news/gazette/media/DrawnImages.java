package news.gazette.media;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The encoded original and variants of images Gazette draws itself (the demo illustrations), made anew each time,
 * or, with {@code gazette.media.reuse-drawn-images=true} (set by the tests only), kept for the life of the JVM and
 * given again for the same pixels and the same variant settings. Every application a test run starts loads the same
 * demo content, and encoding its pictures was most of that; the result is a function of the pixels, the widths and
 * the JPEG quality alone, which is what the key is made of, so a reused result is the one encoding would give.
 * ADR 160.
 */
@Component
class DrawnImages {

    /** Shared by every application of the JVM (a test run starts many), hence static. */
    private static final Map<String, ImageIntake.Processed> KEPT = new ConcurrentHashMap<>();

    private final boolean reuse;
    private final MediaProperties properties;

    DrawnImages(@Value("${gazette.media.reuse-drawn-images:false}") boolean reuse, MediaProperties properties) {
        this.reuse = reuse;
        this.properties = properties;
    }

    /** What {@code make} gives for the image: made now, or a copy of what it gave before for the same pixels. */
    ImageIntake.Processed processed(BufferedImage image, Function<BufferedImage, ImageIntake.Processed> make) {
        if (!reuse) {
            return make.apply(image);
        }
        return copy(KEPT.computeIfAbsent(key(image), k -> make.apply(image)));
    }

    /** The stored arrays are handed out as copies, so no caller can change what another application is given. */
    private static ImageIntake.Processed copy(ImageIntake.Processed kept) {
        SortedMap<Integer, byte[]> variants = new TreeMap<>();
        kept.variants().forEach((width, bytes) -> variants.put(width, bytes.clone()));
        return new ImageIntake.Processed(kept.contentType(), kept.extension(), kept.width(), kept.height(),
                kept.original().clone(), variants);
    }

    /** SHA-256 of the variant settings, the size, the type and every pixel. */
    String key(BufferedImage image) {
        MessageDigest digest = sha256();
        digest.update((properties.widths().stream().sorted().distinct().toList() + "|" + properties.quality() + "|"
                + image.getWidth() + "x" + image.getHeight() + "|" + image.getType() + "|").getBytes());
        int width = image.getWidth();
        ByteBuffer row = ByteBuffer.allocate(width * Integer.BYTES);
        int[] pixels = packed(image);
        int[] line = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            if (pixels != null) {
                row.asIntBuffer().put(pixels, y * width, width);
            } else {
                row.asIntBuffer().put(image.getRGB(0, y, width, 1, line, 0, width));
            }
            digest.update(row.array());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The pixels as stored, when they are one int each, row after row with nothing around them. */
    private static int[] packed(BufferedImage image) {
        WritableRaster raster = image.getRaster();
        boolean plain = raster.getParent() == null && raster.getSampleModelTranslateX() == 0
                && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof SinglePixelPackedSampleModel model
                && model.getScanlineStride() == image.getWidth()
                && raster.getDataBuffer() instanceof DataBufferInt ints && ints.getNumBanks() == 1
                && ints.getOffset() == 0 && ints.getData().length == image.getWidth() * image.getHeight();
        return plain ? ((DataBufferInt) raster.getDataBuffer()).getData() : null;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package news.gazette.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.springframework.util.unit.DataSize;

/**
 * What encoding from 3-byte rows saves ({@link ImageIntake}): the JDK's JPEG writer given an {@code INT_RGB} image
 * against the same pixels copied to {@code 3BYTE_BGR} first, interleaved round by round, and then the intake's whole
 * work for one drawn illustration (original and variants) as the demo content does it at every start. Not a test.
 * {@code java -cp target/test-classes:target/classes:$(cat target/bench.classpath) news.gazette.media.JpegEncodeBench [rounds]}
 */
public final class JpegEncodeBench {

    private JpegEncodeBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        BufferedImage rgb = new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rgb.getHeight(); y++) {
            for (int x = 0; x < rgb.getWidth(); x++) {
                rgb.setRGB(x, y, ((x * 7) ^ (y * 13)) << 8 ^ (x * y) ^ (x + y));
            }
        }
        ImageIntake intake = new ImageIntake(new MediaProperties("local", DataSize.ofMegabytes(2), 50_000_000, 12_000,
                List.of(320, 640, 960, 1280), 0.82f, null, null, Duration.ofSeconds(15)));
        for (int round = 1; round <= rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                encode(rgb);
            }
            long direct = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                BufferedImage bgr = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                var g = bgr.createGraphics();
                g.drawImage(rgb, 0, 0, null);
                g.dispose();
                encode(bgr);
            }
            long copied = System.nanoTime();
            for (int i = 0; i < 10; i++) {
                intake.drawn(rgb);
            }
            long drawn = System.nanoTime();
            System.out.printf("round %d: INT_RGB %.1f ms, copied to 3BYTE_BGR %.1f ms, intake.drawn (with 4 variants)"
                    + " %.1f ms per 1600x900 image%n", round, (direct - start) / 1e7, (copied - direct) / 1e7,
                    (drawn - copied) / 1e7);
        }
    }

    private static byte[] encode(BufferedImage image) throws Exception {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.82f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}

package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import javax.imageio.ImageIO;

import news.gazette.media.MediaRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * What an upload goes through before anything is stored: the refusals (each before any pixel is decoded, where the
 * file's header is enough to tell), the removal of metadata, and the variants.
 */
class ImageIntakeTest {

    private static final List<Integer> WIDTHS = List.of(320, 640, 960, 1280, 1920);

    private final ImageIntake intake = new ImageIntake(new MediaProperties("local", DataSize.ofMegabytes(2), 50_000_000,
            12_000, WIDTHS, 0.82f, null, null, java.time.Duration.ofSeconds(15)));

    private Reason refusal(byte[] bytes) {
        return refusal(new ByteArrayInputStream(bytes));
    }

    private Reason refusal(InputStream in) {
        try {
            intake.take(in);
        } catch (MediaRefusedException e) {
            return e.reason();
        }
        throw new AssertionError("The upload was accepted");
    }

    @Test
    void aFileNamedJpgThatIsNoImageIsRefusedWithoutDecoding() {
        assertThat(refusal(TestImages.NOT_AN_IMAGE)).isEqualTo(Reason.NOT_AN_IMAGE);
        assertThat(intake.decodes.sum()).isZero();
    }

    @Test
    void svgIsRefusedAndSaidToBeSvg() {
        assertThat(refusal(TestImages.SVG)).isEqualTo(Reason.SVG);
        assertThat(intake.decodes.sum()).isZero();
    }

    @Test
    void anImageClaimingThirtyThousandPixelsSquareIsRefusedFromItsHeaderAlone() {
        long heapBefore = usedHeap();
        assertThat(refusal(TestImages.pngClaiming(30_000, 30_000))).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(refusal(TestImages.gifClaiming(30_000, 30_000))).isEqualTo(Reason.TOO_MANY_PIXELS);
        // Within the pixel budget but longer than 12,000 pixels on one side.
        assertThat(refusal(TestImages.pngClaiming(20_000, 100))).isEqualTo(Reason.TOO_MANY_PIXELS);
        assertThat(intake.decodes.sum()).as("times the decoder was asked for pixels").isZero();
        // Decoding 30000 × 30000 would take 3.6 GB; the refusals together take next to nothing.
        assertThat(usedHeap() - heapBefore).isLessThan(64L * 1024 * 1024);
    }

    @Test
    void aTruncatedJpegIsRefusedAsDamaged() {
        assertThat(refusal(TestImages.truncatedJpeg())).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void aDamagedPngIsRefusedAsDamaged() {
        byte[] png = TestImages.png(400, 300);
        byte[] broken = java.util.Arrays.copyOf(png, png.length / 2);
        assertThat(refusal(broken)).isEqualTo(Reason.CORRUPT);
    }

    @Test
    void aTooLargeFileIsRefusedAfterReadingNoMoreThanTheLimit() {
        CountingEndlessStream endless = new CountingEndlessStream();
        assertThat(refusal(endless)).isEqualTo(Reason.TOO_LARGE);
        assertThat(endless.read).isEqualTo(DataSize.ofMegabytes(2).toBytes() + 1);
        assertThat(intake.decodes.sum()).isZero();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThat(refusal(new byte[0])).isEqualTo(Reason.EMPTY);
    }

    @Test
    void exifGpsXmpAndCommentsDoNotSurvive() throws Exception {
        byte[] upload = TestImages.jpegWithGps(1000, 750);
        assertThat(TestImages.carriesMetadata(upload)).as("the test file carries metadata").isTrue();
        assertThat(ImageIO.read(new ByteArrayInputStream(upload))).as("the test file is a valid JPEG").isNotNull();

        ImageIntake.Processed stored = intake.take(new ByteArrayInputStream(upload));

        assertThat(stored.contentType()).isEqualTo("image/jpeg");
        assertThat(TestImages.carriesMetadata(stored.original())).isFalse();
        assertThat(stored.variants().values()).noneMatch(TestImages::carriesMetadata);
        assertThat(markers(upload)).as("APP1 (EXIF, XMP) and COM in the upload").contains(0xE1, 0xFE);
        assertThat(markers(stored.original())).as("APP1 (EXIF, XMP) and COM stored").doesNotContain(0xE1, 0xFE);
    }

    @Test
    void aPhotoTakenWithTheCameraTurnedIsStoredUpright() throws Exception {
        for (boolean little : List.of(false, true)) {
            ImageIntake.Processed turned = intake.take(new ByteArrayInputStream(TestImages.jpegWithOrientation(400, 200, 6, little)));
            assertThat(TestImages.carriesMetadata(turned.original())).isFalse();
            var image = ImageIO.read(new ByteArrayInputStream(turned.original()));
            assertThat(image.getWidth()).isEqualTo(200);
            assertThat(image.getHeight()).isEqualTo(400);
            // Rotated clockwise, the red left half is now on top and the blue right half below.
            assertThat(new java.awt.Color(image.getRGB(100, 50)).getRed()).isGreaterThan(200);
            assertThat(new java.awt.Color(image.getRGB(100, 350)).getBlue()).isGreaterThan(200);
            assertThat(turned.height()).isEqualTo(400);
        }
        ImageIntake.Processed mirrored = intake.take(new ByteArrayInputStream(TestImages.jpegWithOrientation(400, 200, 2, false)));
        var image = ImageIO.read(new ByteArrayInputStream(mirrored.original()));
        assertThat(image.getWidth()).isEqualTo(400);
        assertThat(new java.awt.Color(image.getRGB(50, 100)).getBlue()).as("mirrored: blue on the left").isGreaterThan(200);
    }

    @Test
    void variantsAreMadeAtEachWidthNarrowerThanTheOriginalAndNeverWider() throws Exception {
        ImageIntake.Processed big = intake.take(new ByteArrayInputStream(TestImages.jpeg(2400, 1200)));
        assertThat(big.variants().keySet()).containsExactly(320, 640, 960, 1280, 1920);
        for (var variant : big.variants().entrySet()) {
            var image = ImageIO.read(new ByteArrayInputStream(variant.getValue()));
            assertThat(image.getWidth()).isEqualTo(variant.getKey());
            assertThat(image.getHeight()).isEqualTo(variant.getKey() / 2);
        }
        ImageIntake.Processed small = intake.take(new ByteArrayInputStream(TestImages.jpeg(700, 500)));
        assertThat(small.variants().keySet()).containsExactly(320, 640);
        assertThat(small.width()).isEqualTo(700);
        assertThat(ImageIO.read(new ByteArrayInputStream(small.original())).getWidth()).isEqualTo(700);
    }

    @Test
    void pngAndGifBecomePngAndKeepTheirSize() throws Exception {
        ImageIntake.Processed png = intake.take(new ByteArrayInputStream(TestImages.png(500, 400)));
        assertThat(png.contentType()).isEqualTo("image/png");
        assertThat(png.variants().keySet()).containsExactly(320);
        ImageIntake.Processed gif = intake.take(new ByteArrayInputStream(TestImages.gif(300, 200)));
        assertThat(gif.contentType()).isEqualTo("image/png");
        assertThat(ImageIO.read(new ByteArrayInputStream(gif.original())).getHeight()).isEqualTo(200);
    }

    @Test
    void webpCanBeReadAndIsToldApartByItsBytes() {
        assertThat(ImageIO.getImageReadersByFormatName("webp").hasNext()).isTrue();
        byte[] riff = "RIFF\0\0\0\0WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(ImageFormat.sniff(riff)).isEqualTo(ImageFormat.WEBP);
        assertThat(refusal(riff)).isEqualTo(Reason.CORRUPT);
    }

    /** The JPEG markers of a file, up to the start of the scan. */
    private static List<Integer> markers(byte[] jpeg) {
        List<Integer> found = new java.util.ArrayList<>();
        int i = 2;
        while (i + 4 <= jpeg.length && (jpeg[i] & 0xff) == 0xff) {
            int marker = jpeg[i + 1] & 0xff;
            found.add(marker);
            if (marker == 0xDA) {
                break;
            }
            i += 2 + (((jpeg[i + 2] & 0xff) << 8) | (jpeg[i + 3] & 0xff));
        }
        return found;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    /** An upload that never ends, counting what was read of it. */
    private static final class CountingEndlessStream extends InputStream {

        long read;

        @Override
        public int read() {
            read++;
            return 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            java.util.Arrays.fill(b, off, off + len, (byte) 0xff);
            read += len;
            return len;
        }
    }
}

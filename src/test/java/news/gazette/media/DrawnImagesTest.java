package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * The drawn pictures' encoded files kept per JVM when the tests ask for it: given again only for the same pixels and
 * the same variant settings, byte for byte what encoding them gives, as copies; made every time otherwise.
 */
class DrawnImagesTest {

    private static MediaProperties settings(List<Integer> widths, float quality) {
        return new MediaProperties("local", DataSize.ofMegabytes(20), 50_000_000, 12_000, widths, quality, null, null,
                Duration.ofSeconds(15));
    }

    private static final MediaProperties USUAL = settings(List.of(320, 640, 960), 0.82f);

    /** A picture no other test draws: the seed paints a stripe of its own. */
    private static BufferedImage picture(int seed, int type) {
        BufferedImage image = new BufferedImage(800, 450, type);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0x204060));
            g.fillRect(0, 0, 800, 450);
            g.setColor(new Color(0xe0a030));
            g.fillRect(seed % 700, 100, 60, 200);
            g.setColor(new Color(seed * 7919 & 0xffffff));
            g.fillOval(300, 50, 200, 200);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Counts the encodings it does. */
    private static final class Counting implements Function<BufferedImage, ImageIntake.Processed> {
        final AtomicInteger made = new AtomicInteger();
        final ImageIntake intake;

        Counting(MediaProperties properties) {
            intake = new ImageIntake(properties);
        }

        @Override
        public ImageIntake.Processed apply(BufferedImage image) {
            made.incrementAndGet();
            return intake.drawn(image);
        }
    }

    private final int seed = (int) (System.nanoTime() & 0x3fffffff);

    @Test
    void theSamePixelsAndSettingsAreEncodedOnceAndGivenAgainAsTheEncodingWould() {
        Counting encode = new Counting(USUAL);
        ImageIntake.Processed first = new DrawnImages(true, USUAL).processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        ImageIntake.Processed again = new DrawnImages(true, USUAL).processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        assertThat(encode.made).as("another application, the same picture drawn again").hasValue(1);

        ImageIntake.Processed fresh = new ImageIntake(USUAL).drawn(picture(seed, BufferedImage.TYPE_INT_RGB));
        for (ImageIntake.Processed given : List.of(first, again)) {
            assertThat(given.original()).isEqualTo(fresh.original());
            assertThat(given.variants().keySet()).containsExactly(320, 640);
            assertThat(given.variants()).allSatisfy((width, bytes) -> assertThat(bytes).isEqualTo(fresh.variants().get(width)));
            assertThat(List.of(given.contentType(), given.extension(), given.width(), given.height()))
                    .isEqualTo(List.of(fresh.contentType(), fresh.extension(), fresh.width(), fresh.height()));
        }
    }

    @Test
    void otherPixelsOtherVariantSettingsOrAnotherLayoutAreEncodedAnew() {
        Counting encode = new Counting(USUAL);
        DrawnImages kept = new DrawnImages(true, USUAL);
        kept.processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);

        BufferedImage onePixelOther = picture(seed, BufferedImage.TYPE_INT_RGB);
        onePixelOther.setRGB(799, 449, 0x123456);
        kept.processed(onePixelOther, encode);
        assertThat(encode.made).as("one pixel changed").hasValue(2);

        MediaProperties narrower = settings(List.of(320), 0.82f);
        Counting encodeNarrower = new Counting(narrower);
        ImageIntake.Processed narrow = new DrawnImages(true, narrower).processed(picture(seed, BufferedImage.TYPE_INT_RGB),
                encodeNarrower);
        assertThat(encodeNarrower.made).as("other widths").hasValue(1);
        assertThat(narrow.variants().keySet()).containsExactly(320);

        MediaProperties coarser = settings(List.of(320, 640, 960), 0.5f);
        Counting encodeCoarser = new Counting(coarser);
        ImageIntake.Processed coarse = new DrawnImages(true, coarser).processed(picture(seed, BufferedImage.TYPE_INT_RGB),
                encodeCoarser);
        assertThat(encodeCoarser.made).as("another quality").hasValue(1);
        assertThat(coarse.original()).isEqualTo(new ImageIntake(coarser).drawn(picture(seed, BufferedImage.TYPE_INT_RGB)).original());

        kept.processed(picture(seed, BufferedImage.TYPE_3BYTE_BGR), encode);
        assertThat(encode.made).as("the same picture in another layout, hashed through its colours").hasValue(3);
        kept.processed(picture(seed, BufferedImage.TYPE_3BYTE_BGR).getSubimage(0, 0, 800, 450), encode);
        assertThat(encode.made).as("a view of the same pixels").hasValue(3);
    }

    @Test
    void whatIsGivenIsACopyNoCallerCanChangeForTheNext() {
        Counting encode = new Counting(USUAL);
        DrawnImages kept = new DrawnImages(true, USUAL);
        ImageIntake.Processed first = kept.processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        byte[] original = first.original().clone();
        first.original()[10] ^= 0x55;
        first.variants().get(320)[10] ^= 0x55;
        ImageIntake.Processed second = kept.processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        assertThat(second.original()).isEqualTo(original);
        assertThat(second.variants().get(320)).isNotEqualTo(first.variants().get(320));
    }

    @Test
    void withoutTheTestSettingEveryDrawingIsEncoded() {
        Counting encode = new Counting(USUAL);
        DrawnImages production = new DrawnImages(false, USUAL);
        production.processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        production.processed(picture(seed, BufferedImage.TYPE_INT_RGB), encode);
        assertThat(encode.made).hasValue(2);
    }
}

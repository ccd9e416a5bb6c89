package news.gazette.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import news.gazette.media.MediaRefusedException.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Six large-dimension PNGs of a few kilobytes each, sent at once, used to be decoded at once (a 1 GB heap ran out with
 * 49-megapixel ones). Each now takes its share of a memory budget, estimated from its header, before any pixel is
 * decoded: the shares held at once never exceed the budget, an image waits for one, and one that cannot get it in
 * time is refused as busy without being decoded.
 */
class DecodeBudgetTest {

    private static final int SIDE = 2_500;
    /** Room for one such image at a time (6.25 megapixels at 11 bytes each is 69 MB). */
    private static final long BUDGET = DataSize.ofMegabytes(100).toBytes();

    private static ImageIntake intake(DecodeBudget budget) {
        return new ImageIntake(new MediaProperties("local", DataSize.ofMegabytes(2), 50_000_000, 12_000,
                List.of(320, 640), 0.82f, null, null, Duration.ofSeconds(60)), budget);
    }

    @Test
    void sixParallelLargeUploadsTakeTurnsWithinTheBudget() throws Exception {
        byte[] png = TestImages.largeGreyPng(SIDE, SIDE);
        assertThat(png.length).as("compressed size").isLessThan(64 * 1024);
        DecodeBudget budget = new DecodeBudget(BUDGET, Duration.ofMinutes(2));
        ImageIntake intake = intake(budget);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<ImageIntake.Processed>> uploads = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                uploads.add(pool.submit(() -> intake.take(new ByteArrayInputStream(png))));
            }
            for (Future<ImageIntake.Processed> upload : uploads) {
                assertThat(upload.get().width()).isEqualTo(SIDE);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(intake.decodes.sum()).isEqualTo(6);
        assertThat(budget.peak()).as("most bytes held at once").isLessThanOrEqualTo(BUDGET)
                .isGreaterThanOrEqualTo((long) SIDE * SIDE * DecodeBudget.BYTES_PER_PIXEL);
        assertThat(budget.free()).as("every share given back").isEqualTo(BUDGET / 1024 * 1024);
    }

    @Test
    void anImageWaitsForItsShareAndIsRefusedAsBusyWithoutDecodingWhenItDoesNotComeInTime() throws Exception {
        byte[] png = TestImages.largeGreyPng(SIDE, SIDE);
        DecodeBudget patient = new DecodeBudget(BUDGET, Duration.ofMinutes(2));
        ImageIntake waiting = intake(patient);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (DecodeBudget.Lease held = patient.take(SIDE, SIDE)) {
            Future<ImageIntake.Processed> upload = pool.submit(() -> waiting.take(new ByteArrayInputStream(png)));
            await().atMost(Duration.ofSeconds(30)).until(patient::hasWaiting);
            assertThat(upload).isNotDone();
            assertThat(waiting.decodes.sum()).isZero();
            held.close();
            assertThat(upload.get().height()).isEqualTo(SIDE);
        } finally {
            pool.shutdownNow();
        }

        DecodeBudget hurried = new DecodeBudget(BUDGET, Duration.ofMillis(50));
        ImageIntake refusing = intake(hurried);
        try (DecodeBudget.Lease held = hurried.take(SIDE, SIDE)) {
            refusing.take(new ByteArrayInputStream(png));
            throw new AssertionError("accepted while the budget was taken");
        } catch (MediaRefusedException e) {
            assertThat(e.reason()).isEqualTo(Reason.BUSY);
        }
        assertThat(refusing.decodes.sum()).isZero();
        // Once the budget is free again, the same image is taken.
        assertThat(refusing.take(new ByteArrayInputStream(png)).width()).isEqualTo(SIDE);
    }

    @Test
    void anImageLargerThanTheWholeBudgetWaitsUntilItHasItAll() throws Exception {
        DecodeBudget small = new DecodeBudget(DataSize.ofMegabytes(8).toBytes(), Duration.ofMillis(50));
        try (DecodeBudget.Lease all = small.take(SIDE, SIDE)) {
            assertThat(small.free()).isZero();
        }
        try (DecodeBudget.Lease some = small.take(100, 100)) {
            try (DecodeBudget.Lease big = small.take(SIDE, SIDE)) {
                throw new AssertionError("a second share was given beyond the budget");
            } catch (MediaRefusedException e) {
                assertThat(e.reason()).isEqualTo(Reason.BUSY);
            }
        }
    }
}

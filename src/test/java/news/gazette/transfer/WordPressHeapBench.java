package news.gazette.transfer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How much heap reading a large WordPress export takes: {@code bench/import-heap.sh} runs it with a small
 * {@code -Xmx}. Generates the file if it is missing, reads it as an import does (the first pass, then every post
 * walked once, as the image check and the writing each walk them), and prints the file's size, the posts, the time
 * and the highest heap in use.
 * <p>
 * Arguments: file, posts, characters per post body.
 */
public final class WordPressHeapBench {

    private WordPressHeapBench() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        if (!Files.exists(file)) {
            GeneratedWordPressExport.write(file, Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        }
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        long started = System.nanoTime();
        SourceExport export = WordPressExport.read(() -> Files.newInputStream(file), true);
        AtomicLong posts = new AtomicLong();
        AtomicLong characters = new AtomicLong();
        export.stories().forEach(entry -> {
            posts.incrementAndGet();
            characters.addAndGet(entry.html().length());
        });
        long millis = (System.nanoTime() - started) / 1_000_000;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        System.out.printf("file %,d bytes, %,d posts (%,d body characters), read in %,d ms; max heap %,d MB, "
                        + "highest heap in use (sum of the pools' peaks) %,d MB%n",
                Files.size(file), posts.get(), characters.get(), millis,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024 * 1024));
    }
}

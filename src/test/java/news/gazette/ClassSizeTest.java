package news.gazette;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No class over 300 lines (issue 15): every Java file under {@code src/main/java} and {@code src/test/java} has at
 * most {@link #MOST} lines. A class that grows past it is split by what it does (see CONTRIBUTING.md).
 */
class ClassSizeTest {

    static final int MOST = 300;

    /**
     * Test classes still over the limit, each to be split by the engineer who next works on it. The list may only
     * shrink: a file that is split must leave it (the test fails while it is listed and fits), and no file may join.
     */
    static final Set<String> STILL_OVER = Set.of();

    @Test
    void noClassIsLongerThanThreeHundredLines() throws IOException {
        Map<String, Long> lines = lineCounts();
        Map<String, Long> over = new TreeMap<>();
        lines.forEach((file, count) -> {
            if (count > MOST && !STILL_OVER.contains(file)) {
                over.put(file, count);
            }
        });
        assertThat(over).as("classes over %d lines: split them by what they do", MOST).isEmpty();
    }

    @Test
    void theListOfClassesStillOverTheLimitOnlyShrinks() throws IOException {
        Map<String, Long> lines = lineCounts();
        List<String> fitOrGone = STILL_OVER.stream().filter(file -> lines.getOrDefault(file, 0L) <= MOST).sorted().toList();
        assertThat(fitOrGone).as("listed in STILL_OVER but no longer over %d lines: take them off the list", MOST).isEmpty();
    }

    private static Map<String, Long> lineCounts() throws IOException {
        Map<String, Long> lines = new TreeMap<>();
        for (String root : List.of("src/main/java", "src/test/java")) {
            try (Stream<Path> files = Files.walk(Path.of(root))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    try (Stream<String> text = Files.lines(file)) {
                        lines.put(file.toString().replace('\\', '/'), text.count());
                    }
                }
            }
        }
        return lines;
    }
}

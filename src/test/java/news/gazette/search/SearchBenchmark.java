package news.gazette.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import news.gazette.search.BenchProbes.Probe;
import tools.jackson.databind.json.JsonMapper;

/**
 * The search benchmark (not a test; run by {@code bench/search/run.sh}). Generates a corpus of stories across the
 * three editions whose words follow the frequencies of the demo content (plus a long tail of rare words, as real
 * archives have), builds the indexes with the production code, then times a mix of word, phrase, prefix and
 * filtered searches (with highlighting) from one client and from 16 concurrent clients.
 *
 * <p>Arguments: {@code stories [indexDir] [queriesPerClient] [reuse]}: 0 queries only builds; {@code reuse} keeps
 * an index built before.
 */
public final class SearchBenchmark {

    static final List<String> EDITIONS = List.of("en", "ru", "hy");

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stories = Integer.parseInt(args[0]);
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/gazette-bench/index-" + stories);
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Map<String, BenchVocabulary> vocabularies = new LinkedHashMap<>();
        for (String edition : EDITIONS) {
            vocabularies.put(edition, BenchVocabulary.of(edition));
        }
        say("Corpus: %,d stories across %s; vocabulary %s", stories, EDITIONS,
                vocabularies.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().words.length + " words").toList());

        String mode = args.length > 3 ? args[3] : "";
        boolean reuse = (mode.equals("reuse") || mode.startsWith("merge")) && Files.isDirectory(dir);
        if (!reuse) {
            deleteTree(dir);
            try (SearchIndex index = new SearchIndex(dir, TestIndexes.LANGUAGES)) {
                build(index, vocabularies, stories);
            }
        }
        if (reuse && mode.startsWith("merge")) {
            // "merge" or "merge=N": merge the reused index down to N segments per edition (1 unless given) first.
            int segments = mode.contains("=") ? Integer.parseInt(mode.substring(mode.indexOf('=') + 1)) : 1;
            long started = System.nanoTime();
            long cpuStarted = cpu();
            try (SearchIndex index = new SearchIndex(dir, TestIndexes.LANGUAGES)) {
                for (String edition : EDITIONS) {
                    index.require(edition).compact(segments);
                }
            }
            say("Merged to %d segment(s) per edition in %.1f s, CPU time %.1f s", segments, seconds(started),
                    (cpu() - cpuStarted) / 1e9);
        }
        say("Index size on disk: %,d MB", size(dir) / (1024 * 1024));
        if (perClient == 0) {
            return;
        }
        try (SearchIndex index = new SearchIndex(dir, TestIndexes.LANGUAGES)) {
            StringBuilder segments = new StringBuilder();
            for (String edition : EDITIONS) {
                var searcher = index.require(edition).acquire();
                segments.append(' ').append(edition).append(' ').append(searcher.getIndexReader().leaves().size());
                index.require(edition).release(searcher);
            }
            say("Segments per edition:%s; searches at once: %d", segments,
                    search(index, ZoneId.of("UTC"), 0).gate().size());
            ZoneId zone = ZoneId.of("Asia/Yerevan");
            List<Probe> probes = BenchProbes.mix(vocabularies, 20_000, new Random(7));
            // The warm-up draws its own queries, so it does not fill the first-page cache for the measured runs.
            // Warmed up as a node that has served for a while: the compiler has seen searches one at a time and many
            // at once (about 20 s), so the runs below measure steady work, not the JIT.
            List<Probe> warming = BenchProbes.mix(vocabularies, 3_000, new Random(11));
            run(new StorySearch(index, Clock.systemUTC(), zone, 0), warming, 1, 3_000, "warm-up, 1 client (not counted)");
            run(new StorySearch(index, Clock.systemUTC(), zone, 0), warming, 16, 1_000, "warm-up, 16 clients (not counted)");
            List<Probe> paged = probes.stream().filter(p -> p.kind().equals("word")).map(Probe::withCounts).toList();
            // Every run starts with an empty cache: a new StorySearch each time.
            for (int cacheSize : new int[]{0, StorySearch.DEFAULT_CACHE_SIZE}) {
                String cache = cacheSize == 0 ? "no cache" : "first-page cache of " + cacheSize + " per edition";
                say("--- %s ---", cache);
                run(search(index, zone, cacheSize), probes, 1, perClient,
                        "1 client, " + cache);
                run(search(index, zone, cacheSize), probes, 16, perClient / 4,
                        "16 concurrent clients, " + cache);
                run(search(index, zone, cacheSize), paged, 1, perClient / 2,
                        "1 client, word queries with section counts (as the results page), " + cache);
            }
        }
    }

    /**
     * A search service as the site has it: searches take turns, one per processor and one more, unless
     * {@code -Dgazette.search.at-once=N} says otherwise (a large N lets every client's search run at once).
     */
    private static StorySearch search(SearchIndex index, ZoneId zone, int cacheSize) {
        int atOnce = Integer.getInteger("gazette.search.at-once", 0);
        return new StorySearch(index, Clock.systemUTC(), zone, cacheSize, new SearchGate(atOnce, Duration.ofMinutes(1)));
    }

    /** CPU time this process has used, in nanoseconds: what the work costs whatever else runs on the machine. */
    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void build(SearchIndex index, Map<String, BenchVocabulary> vocabularies, int stories) throws Exception {
        long started = System.nanoTime();
        long cpuStarted = cpu();
        AtomicLong done = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(EDITIONS.size());
        List<Future<?>> jobs = new ArrayList<>();
        for (int e = 0; e < EDITIONS.size(); e++) {
            String edition = EDITIONS.get(e);
            int first = e;
            jobs.add(pool.submit(() -> {
                EditionIndex target = index.require(edition);
                Random random = new Random(1000 + first);
                BenchVocabulary words = vocabularies.get(edition);
                // As a rebuild does (IndexUpdates.rebuild): no merges while loading, one merge as it ends.
                target.startBulk();
                try {
                    for (long id = first + 1; id <= stories; id += EDITIONS.size()) {
                        target.add(words.story(id, edition, random));
                        long n = done.incrementAndGet();
                        if (n % 100_000 == 0) {
                            say("  %,d stories indexed, %,.0f per second", n, n / seconds(started));
                        }
                    }
                    target.commit();
                } finally {
                    target.endBulk();
                }
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        double took = seconds(started);
        double cpuSeconds = (cpu() - cpuStarted) / 1e9;
        say("Build: %,d stories in %.1f s = %,.0f stories per second (generation, analysis, indexing and the final"
                + " commit; %d writer threads, one per edition)", stories, took, stories / took, EDITIONS.size());
        say("  CPU time %.1f s = %,.0f stories per CPU-second; on 2 otherwise idle cores about %,.0f stories per second",
                cpuSeconds, stories / cpuSeconds, 2 * stories / cpuSeconds);
        // As a rebuild ends (IndexUpdates.rebuild): each edition merged into one segment, in parallel.
        long merging = System.nanoTime();
        long cpuMerging = cpu();
        jobs.clear();
        for (String edition : EDITIONS) {
            jobs.add(pool.submit(() -> {
                index.require(edition).compact(1);
                return null;
            }));
        }
        for (Future<?> job : jobs) {
            job.get();
        }
        pool.shutdown();
        double all = seconds(started);
        say("  then merged into one segment per edition in %.1f s (CPU %.1f s): with it %.1f s = %,.0f stories per"
                        + " second, %,.0f per CPU-second", seconds(merging), (cpu() - cpuMerging) / 1e9, all,
                stories / all, stories / ((cpu() - cpuStarted) / 1e9));
    }

    private static void run(StorySearch search, List<Probe> probes, int clients, int perClient, String label)
            throws Exception {
        java.util.Set<SearchRequest> distinct = new java.util.HashSet<>();
        for (int c = 0; c < clients; c++) {
            for (int i = 0; i < perClient; i++) {
                distinct.add(probes.get((c * 997 + i) % probes.size()).request());
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Map<String, long[]>>> results = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = cpu();
        for (int c = 0; c < clients; c++) {
            int offset = c * 997;
            results.add(pool.submit(() -> {
                Map<String, List<Long>> byKind = new HashMap<>();
                long hits = 0;
                for (int i = 0; i < perClient; i++) {
                    Probe probe = probes.get((offset + i) % probes.size());
                    long t0 = System.nanoTime();
                    hits += search.search(probe.request()).hits().size();
                    byKind.computeIfAbsent(probe.kind(), k -> new ArrayList<>()).add(System.nanoTime() - t0);
                }
                Map<String, long[]> out = new HashMap<>();
                byKind.forEach((k, v) -> out.put(k, v.stream().mapToLong(Long::longValue).toArray()));
                out.put("hits", new long[]{hits});
                return out;
            }));
        }
        Map<String, List<long[]>> all = new HashMap<>();
        for (Future<Map<String, long[]>> f : results) {
            f.get().forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        double took = seconds(started);
        double cpuMillis = (cpu() - cpuStarted) / 1e6;
        pool.shutdown();
        long hits = all.remove("hits").stream().mapToLong(a -> a[0]).sum();
        long[] every = all.values().stream().flatMap(List::stream).flatMapToLong(Arrays::stream).sorted().toArray();
        say("Queries, %s: %,d in %.1f s = %,.0f per second, %,.1f results per query on average; %.0f %% of them"
                + " repeat an earlier one of the run (at most this share can come from a cache)", label, every.length,
                took, every.length / took, (double) hits / every.length, 100.0 * (every.length - distinct.size()) / every.length);
        say("  %-9s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms  max %7.2f ms", "all", p(every, 50), p(every, 95),
                p(every, 99), every[every.length - 1] / 1e6);
        say("  CPU time %.2f ms per query (all threads, GC included): at most %,.0f queries per second on 2 idle cores;"
                + " load average %.1f", cpuMillis / every.length, 2000 * every.length / cpuMillis,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        all.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            long[] kind = e.getValue().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            say("  %-9s p50 %6.2f ms  p95 %6.2f ms  p99 %6.2f ms", e.getKey(), p(kind, 50), p(kind, 95), p(kind, 99));
        });
    }

    private static double p(long[] sorted, int percentile) {
        int i = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

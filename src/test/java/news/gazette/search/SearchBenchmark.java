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

    private static final List<String> EDITIONS = List.of("en", "ru", "hy");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[’'][\\p{L}]+)?");
    private static final Instant NOW = Instant.now();
    private static final long FIVE_YEARS = Duration.ofDays(5 * 365).toMillis();

    private SearchBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int stories = Integer.parseInt(args[0]);
        Path dir = Path.of(args.length > 1 ? args[1] : "/tmp/gazette-bench/index-" + stories);
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Map<String, Vocabulary> vocabularies = new LinkedHashMap<>();
        for (String edition : EDITIONS) {
            vocabularies.put(edition, Vocabulary.of(edition));
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
            List<Probe> probes = probes(vocabularies, 20_000, new Random(7));
            // The warm-up draws its own queries, so it does not fill the first-page cache for the measured runs.
            // Warmed up as a node that has served for a while: the compiler has seen searches one at a time and many
            // at once (about 20 s), so the runs below measure steady work, not the JIT.
            List<Probe> warming = probes(vocabularies, 3_000, new Random(11));
            run(new StorySearch(index, Clock.systemUTC(), zone, 0), warming, 1, 3_000, "warm-up, 1 client (not counted)");
            run(new StorySearch(index, Clock.systemUTC(), zone, 0), warming, 16, 1_000, "warm-up, 16 clients (not counted)");
            List<Probe> paged = probes.stream().filter(p -> p.kind.equals("word")).map(Probe::withCounts).toList();
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

    private static void build(SearchIndex index, Map<String, Vocabulary> vocabularies, int stories) throws Exception {
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
                Vocabulary words = vocabularies.get(edition);
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
                distinct.add(probes.get((c * 997 + i) % probes.size()).request);
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
                    hits += search.search(probe.request).hits().size();
                    byKind.computeIfAbsent(probe.kind, k -> new ArrayList<>()).add(System.nanoTime() - t0);
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

    /** Queries of five kinds, in equal parts, in every edition ("latin": a word typed with Latin letters). */
    private static List<Probe> probes(Map<String, Vocabulary> vocabularies, int count, Random random) {
        List<Probe> probes = new ArrayList<>(count);
        String[] kinds = {"word", "phrase", "prefix", "filtered", "latin"};
        for (int i = 0; i < count; i++) {
            String edition = EDITIONS.get(i % EDITIONS.size());
            Vocabulary v = vocabularies.get(edition);
            String kind = kinds[(i / EDITIONS.size()) % kinds.length];
            SearchRequest request = switch (kind) {
                case "word" -> SearchRequest.of(edition, random.nextBoolean() ? v.queryWord(random)
                        : v.queryWord(random) + " " + v.queryWord(random) + " ");
                case "phrase" -> SearchRequest.of(edition, "\"" + v.bigram(random) + "\"");
                case "prefix" -> {
                    String w = v.queryWord(random);
                    int cut = Math.min(w.length(), 3 + random.nextInt(3));
                    yield SearchRequest.of(edition, (random.nextBoolean() ? v.queryWord(random) + " " : "") + w.substring(0, cut));
                }
                case "latin" -> SearchRequest.of(edition, latin(edition, v.queryWord(random), random) + " ");
                default -> {
                    LocalDate to = LocalDate.now().minusDays(random.nextInt(700));
                    yield new SearchRequest(edition, v.queryWord(random) + " ", v.sections[random.nextInt(v.sections.length)][0],
                            null, null, to.minusDays(365), to, SearchRequest.Order.RELEVANCE, 1, 10, false);
                }
            };
            probes.add(new Probe(kind, request));
        }
        return probes;
    }

    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] CYRILLIC_LATIN = {"a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l",
        "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "'", "e", "yu", "ya"};
    private static final String ARMENIAN = "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ";
    private static final String[] ARMENIAN_LATIN = {"a", "b", "g", "d", "e", "z", "e", "y", "t", "zh", "i", "l", "kh",
        "ts", "k", "h", "dz", "gh", "ch", "m", "y", "n", "sh", "o", "ch", "p", "j", "r", "s", "v", "t", "r", "c", "v",
        "p", "q", "o", "f"};

    /** A word as a reader abroad types it: romanized, or (Russian, one time in three) on the Latin key layout. */
    private static String latin(String edition, String word, Random random) {
        String lower = word.toLowerCase(Locale.ROOT);
        boolean russian = edition.equals("ru");
        if (russian && random.nextInt(3) == 0) {
            StringBuilder keys = new StringBuilder();
            lower.chars().forEach(c -> keys.append(c < 128 ? (char) c
                    : "f,dult`;pbqrkvyjghcnea[wxio]sm'.z".charAt(Math.max(0, CYRILLIC.indexOf(c)))));
            return keys.toString();
        }
        String from = russian ? CYRILLIC : edition.equals("hy") ? ARMENIAN : "";
        String[] to = russian ? CYRILLIC_LATIN : ARMENIAN_LATIN;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            int at = from.indexOf(lower.charAt(i));
            if (lower.startsWith("ու", i)) {
                out.append('u');
                i++;
            } else {
                out.append(at < 0 ? String.valueOf(lower.charAt(i)) : to[at]);
            }
        }
        return out.toString();
    }

    private record Probe(String kind, SearchRequest request) {
        Probe withCounts() {
            SearchRequest r = request;
            return new Probe("word+counts", new SearchRequest(r.edition(), r.text(), r.section(), r.author(), r.tag(),
                    r.from(), r.to(), r.order(), r.page(), r.size(), true));
        }
    }

    /** Words of one language with their frequencies in the demo content, for sampling texts and queries. */
    private static final class Vocabulary {

        final String[] words;
        final double[] cumulative;
        final String[][] sections;
        final String[][] tags;
        final String[][] authors;
        final List<String[]> sentences;
        final String[] queryWords;

        private Vocabulary(String[] words, double[] cumulative, String[][] sections, String[][] tags,
                           String[][] authors, List<String[]> sentences, String[] queryWords) {
            this.words = words;
            this.cumulative = cumulative;
            this.sections = sections;
            this.tags = tags;
            this.authors = authors;
            this.sentences = sentences;
            this.queryWords = queryWords;
        }

        static Vocabulary of(String edition) throws IOException {
            JsonNode root;
            try (InputStream in = SearchBenchmark.class.getResourceAsStream("/demo/" + edition + ".json")) {
                root = JsonMapper.builder().build().readTree(in);
            }
            Map<String, Integer> counts = new HashMap<>();
            List<String[]> sentences = new ArrayList<>();
            Map<String, String> tags = new LinkedHashMap<>();
            for (JsonNode s : root.get("stories")) {
                String text = s.get("headline").asString() + " " + s.get("standfirst").asString() + " "
                        + PlainText.of(s.get("body").asString());
                List<String> sentence = new ArrayList<>();
                Matcher m = WORD.matcher(text);
                while (m.find()) {
                    counts.merge(m.group(), 1, Integer::sum);
                    sentence.add(m.group());
                }
                sentences.add(sentence.toArray(String[]::new));
                s.get("tags").forEach(t -> tags.put(t.get("slug").asString(), t.get("name").asString()));
            }
            String[] words = counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .map(Map.Entry::getKey).toArray(String[]::new);
            double[] cumulative = new double[words.length];
            double sum = 0;
            for (int i = 0; i < words.length; i++) {
                sum += counts.get(words[i]);
                cumulative[i] = sum;
            }
            String[][] sections = stream(root.get("sections")).map(n -> new String[]{n.get("slug").asString(),
                    n.get("name").asString()}).toArray(String[][]::new);
            String[][] authors = stream(root.get("authors")).map(n -> new String[]{n.get("slug").asString(),
                    n.get("name").asString()}).toArray(String[][]::new);
            String[][] tagArray = tags.entrySet().stream().map(e -> new String[]{e.getKey(), e.getValue()})
                    .toArray(String[][]::new);
            // Readers search for content words: those of four letters or more, weighted by use.
            String[] queryWords = Arrays.stream(words).filter(w -> w.codePointCount(0, w.length()) >= 4)
                    .filter(w -> !w.chars().allMatch(Character::isDigit)).limit(1500).toArray(String[]::new);
            return new Vocabulary(words, cumulative, sections, tagArray, authors, sentences, queryWords);
        }

        private static Stream<JsonNode> stream(JsonNode array) {
            List<JsonNode> list = new ArrayList<>();
            array.forEach(list::add);
            return list.stream();
        }

        String word(Random random) {
            // One word in ten comes from a long tail of rare words (names, places, terms) real archives are full of.
            if (random.nextInt(10) == 0) {
                String base = words[random.nextInt(words.length)];
                return base + Integer.toString(random.nextInt(200_000), 36);
            }
            double x = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return words[i < 0 ? -i - 1 : i];
        }

        String text(Random random, int words) {
            StringBuilder out = new StringBuilder(words * 8);
            for (int i = 0; i < words; i++) {
                if (i > 0) {
                    out.append(i % 17 == 0 ? ". " : " ");
                }
                out.append(word(random));
            }
            return out.append('.').toString();
        }

        String queryWord(Random random) {
            // Zipf-like: popular words are asked for more often, but not only them.
            int i = (int) Math.min(queryWords.length - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * queryWords.length));
            return queryWords[i];
        }

        String bigram(Random random) {
            String[] sentence = sentences.get(random.nextInt(sentences.size()));
            for (int attempt = 0; attempt < 20; attempt++) {
                int i = random.nextInt(sentence.length - 1);
                if (sentence[i].length() >= 4 && sentence[i + 1].length() >= 4) {
                    return sentence[i] + " " + sentence[i + 1];
                }
            }
            return sentence[0] + " " + sentence[1];
        }

        IndexedStory story(long id, String edition, Random random) {
            String[] section = sections[random.nextInt(sections.length)];
            List<IndexedStory.Named> storyTags = new ArrayList<>();
            for (int t = 0, n = 1 + random.nextInt(3); t < n; t++) {
                String[] tag = tags[random.nextInt(tags.length)];
                storyTags.add(new IndexedStory.Named(tag[0], tag[1]));
            }
            String[] author = authors[random.nextInt(authors.length)];
            // Headlines and bodies also reuse real sentences now and then, so phrases occur as they do in news.
            String[] sentence = sentences.get(random.nextInt(sentences.size()));
            int from = random.nextInt(Math.max(1, sentence.length - 12));
            String borrowed = String.join(" ", Arrays.copyOfRange(sentence, from, Math.min(sentence.length, from + 12)));
            String headline = text(random, 4 + random.nextInt(5)) + " " + String.join(" ",
                    Arrays.copyOfRange(sentence, from, Math.min(sentence.length, from + 3)));
            String body = text(random, 150 + random.nextInt(300)) + " " + borrowed + " " + text(random, 50);
            Instant published = NOW.minusMillis((long) (random.nextDouble() * FIVE_YEARS));
            return new IndexedStory(id, edition, 1, "story-" + id, section[0], section[1], headline,
                    text(random, 20 + random.nextInt(15)), body, storyTags,
                    List.of(new IndexedStory.Named(author[0], author[1])), published);
        }
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

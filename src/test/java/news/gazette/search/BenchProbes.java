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


/** The search benchmark's queries: five kinds in equal parts, and words typed as a reader abroad types them. */
final class BenchProbes {

    private BenchProbes() {
    }

    /** Queries of five kinds, in equal parts, in every edition ("latin": a word typed with Latin letters). */
    static List<Probe> mix(Map<String, BenchVocabulary> vocabularies, int count, Random random) {
        List<Probe> probes = new ArrayList<>(count);
        String[] kinds = {"word", "phrase", "prefix", "filtered", "latin"};
        for (int i = 0; i < count; i++) {
            String edition = SearchBenchmark.EDITIONS.get(i % SearchBenchmark.EDITIONS.size());
            BenchVocabulary v = vocabularies.get(edition);
            String kind = kinds[(i / SearchBenchmark.EDITIONS.size()) % kinds.length];
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

    record Probe(String kind, SearchRequest request) {
        Probe withCounts() {
            SearchRequest r = request;
            return new Probe("word+counts", new SearchRequest(r.edition(), r.text(), r.section(), r.author(), r.tag(),
                    r.from(), r.to(), r.order(), r.page(), r.size(), true));
        }
    }
}

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


/** Words of one language with their frequencies in the demo content, for sampling texts and queries (search benchmark). */
final class BenchVocabulary {

    /** A word: letters and digits, with an apostrophe inside ("don't", "l'homme"). */
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:[’'][\\p{L}]+)?");
    private static final Instant NOW = Instant.now();
    private static final long FIVE_YEARS = Duration.ofDays(5 * 365).toMillis();


    final String[] words;
    final double[] cumulative;
    final String[][] sections;
    final String[][] tags;
    final String[][] authors;
    final List<String[]> sentences;
    final String[] queryWords;

    private BenchVocabulary(String[] words, double[] cumulative, String[][] sections, String[][] tags,
                       String[][] authors, List<String[]> sentences, String[] queryWords) {
        this.words = words;
        this.cumulative = cumulative;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.sentences = sentences;
        this.queryWords = queryWords;
    }

    static BenchVocabulary of(String edition) throws IOException {
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
        return new BenchVocabulary(words, cumulative, sections, tagArray, authors, sentences, queryWords);
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

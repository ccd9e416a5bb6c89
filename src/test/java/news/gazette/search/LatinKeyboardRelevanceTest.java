package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Russian and Armenian typed with a Latin keyboard: transliterated ({@code poezd}, {@code gnatsk}) or on the wrong
 * layout ({@code gjtpl}), over the demo corpus plus distractor stories that share words with the stories meant
 * (suburban trains, a chess school, apricot jam…) and are newer, so the recency lift favours them. Every query must
 * find its story at rank 3 or better; native-script queries must find exactly what they found before.
 */
class LatinKeyboardRelevanceTest {

    private static final Logger log = LoggerFactory.getLogger(LatinKeyboardRelevanceTest.class);

    @TempDir
    static Path dir;
    static DemoCorpus corpus;
    static SearchIndex index;
    static StorySearch search;
    static StorySearch withoutLatin;

    @BeforeAll
    static void index() {
        corpus = DemoCorpus.load();
        Map<String, List<IndexedStory>> stories = new LinkedHashMap<>(corpus.stories);
        stories.put("ru", withDistractors(corpus.stories.get("ru"), "ru",
                "Пригородные поезда Еревана получат новые вагоны",
                "Шахматный клуб в Ванадзоре открыл набор детей, шахматы бесплатно",
                "Цены на абрикосовое варенье выросли, абрикосы подорожали",
                "Школьный кружок получил телескопы и построит обсерваторию",
                "Поэзия у озера: в Дилижане прошёл вечер стихов",
                "Кафе Kofe открылось у вокзала",
                "Кофе в Ереване подорожал на треть"));
        stories.put("hy", withDistractors(corpus.stories.get("hy"), "hy",
                "Նոր գնացքներ Գյումրիի ուղղությամբ",
                "Շախմատի դպրոց է բացվում Վանաձորում",
                "Ծիրանի մուրաբայի գները բարձրացել են",
                "Դպրոցները աստղադիտակ են ստացել",
                "Գրադարանավարների համաժողով Երևանում",
                "Սևանի ձկնորսները բողոքում են"));
        index = TestIndexes.of(dir, stories);
        Clock clock = Clock.fixed(DemoCorpus.NOW, ZoneOffset.UTC);
        search = new StorySearch(index, clock, ZoneId.of("Asia/Yerevan"));
        System.setProperty("gazette.search.latin-keyboard.off", "true");
        try {
            withoutLatin = new StorySearch(index, clock, ZoneId.of("Asia/Yerevan"));
        } finally {
            System.clearProperty("gazette.search.latin-keyboard.off");
        }
    }

    /** Distractors published an hour ago: newer than every demo story. */
    private static List<IndexedStory> withDistractors(List<IndexedStory> demo, String edition, String... headlines) {
        List<IndexedStory> out = new ArrayList<>(demo);
        long id = 10_000 + (edition.equals("ru") ? 0 : 100);
        for (String headline : headlines) {
            out.add(new IndexedStory(id, edition, 1, "distractor-" + id, "news", "—", headline, headline, headline,
                    List.of(), List.of(), DemoCorpus.NOW.minus(Duration.ofHours(1))));
            corpus.keys.put(id, "distractor");
            id++;
        }
        return out;
    }

    @AfterAll
    static void close() {
        index.close();
    }

    record Judged(String query, String expected) {
    }

    static Judged q(String query, String expected) {
        return new Judged(query, expected);
    }

    static final List<Judged> RUSSIAN = List.of(
            q("poezd", "night-trains"),
            q("gjtpl", "night-trains"),
            q("nochnoy poezd", "night-trains"),
            q("poezdom", "night-trains"),
            q("Tbilisi", "night-trains"),
            q("snezhniki", "aragats-snowfields"),
            q("Aragats", "aragats-snowfields"),
            q("abrikosy", "apricot-harvest"),
            q("kholodil'nikov", "apricot-harvest"),
            q("shakhmaty", "junior-chess"),
            q("shahmatisty", "junior-chess"),
            q("biblioteki", "library-nights"),
            q("peregovory", "river-talks-review"),
            q("gthtujdjhs", "river-talks-review"),
            q("solnechnye paneli", "rooftop-solar"),
            q("krysha", "rooftop-solar"),
            q("teleskop", "observatory-telescope"),
            q("ntktcrjg", "observatory-telescope"),
            q("observatoriya", "observatory-telescope"),
            q("seysmostoykoe", "ru-seismic-conference"),
            q("gornye gidy", "ru-mountain-guides"),
            q("arenda ofisov", "ru-office-rents-review"),
            q("gostinitsy Dilizhana", "ru-dilijan-hotels"),
            q("pchely", "ru-mountain-bees"),
            q("marionetki", "ru-gyumri-puppets"),
            q("vfhbjytnrb", "ru-gyumri-puppets"),
            q("dzhaz", "ru-jazz-dilijan"),
            q("polumarafon", "ru-half-marathon"),
            q("regata", "ru-sevan-regatta"));

    static final List<Judged> ARMENIAN = List.of(
            q("gnacq", "night-trains"),
            q("gnatsk", "night-trains"),
            q("gnacqy", "night-trains"),
            q("Tbilisi", "night-trains"),
            q("dznadasht", "aragats-snowfields"),
            q("Aragats", "aragats-snowfields"),
            q("tsiran", "apricot-harvest"),
            q("ciran", "apricot-harvest"),
            q("shakhmat", "junior-chess"),
            q("shaxmat", "junior-chess"),
            q("gradaran", "library-nights"),
            q("gradarannerum", "library-nights"),
            q("banakcutyun", "river-talks-review"),
            q("vahanak", "rooftop-solar"),
            q("taniq", "rooftop-solar"),
            q("astghaditak", "observatory-telescope"),
            q("lastanav", "hy-black-sea-ferry-review"),
            q("bnakavayr", "hy-mountain-towns-forum"),
            q("fabrika", "hy-gyumri-knitwear"),
            q("trikotazh", "hy-gyumri-knitwear"),
            q("ferma", "hy-dairy-feed-review"),
            q("arbanyak", "hy-student-cubesat"),
            q("usanogh", "hy-student-cubesat"),
            q("paraton", "hy-gyumri-puppet-festival"),
            q("tiknik", "hy-gyumri-puppet-festival"),
            q("lusankar", "hy-yerevan-family-photos"),
            q("ts'uts'ahandes", "hy-yerevan-family-photos"),
            q("vazord", "hy-dilijan-forest-run"),
            q("antar", "hy-dilijan-forest-run"),
            q("regata", "hy-sevan-regatta"));

    @Test
    void russianTypedWithLatinLettersFindsItsStoryInTheTopThree() {
        assertThat(measure("ru", RUSSIAN)).isEmpty();
    }

    @Test
    void armenianTypedInCommonRomanizationsFindsItsStoryInTheTopThree() {
        assertThat(measure("hy", ARMENIAN)).isEmpty();
    }

    @Test
    void withoutTheLatinReadingsTheseQueriesFindNothingMeant() {
        // The set measures the feature: the same queries without it miss nearly every story.
        long found = 0;
        for (var set : List.of(Map.entry("ru", RUSSIAN), Map.entry("hy", ARMENIAN))) {
            for (Judged judged : set.getValue()) {
                found += keys(withoutLatin, set.getKey(), judged.query()).contains(judged.expected()) ? 1 : 0;
            }
        }
        assertThat(found).isLessThan((RUSSIAN.size() + ARMENIAN.size()) / 5);
    }

    @Test
    void nativeScriptQueriesFindExactlyWhatTheyFoundBefore() {
        for (var set : List.of(Map.entry("ru", RelevanceTest.RUSSIAN), Map.entry("hy", RelevanceTest.ARMENIAN))) {
            for (RelevanceTest.Judged judged : set.getValue()) {
                assertThat(ids(search, set.getKey(), judged.query()))
                        .as(judged.query()).isEqualTo(ids(withoutLatin, set.getKey(), judged.query()));
            }
        }
    }

    @Test
    void theWordAsTypedRanksAboveItsNativeReading() {
        // "Kofe" is a café's name in one story, кофе (what a reader typing "kofe" may mean) is in another: the word
        // as typed first, its native reading after it.
        List<String> kofe = headlines("ru", "kofe");
        assertThat(kofe).hasSize(2);
        assertThat(kofe.get(0)).contains("Kofe");
        assertThat(kofe.get(1)).startsWith("Кофе");
    }

    @Test
    void englishIsNotTransliterated() {
        assertThat(ids(search, "en", "poezd")).isEmpty();
        assertThat(ids(search, "en", "train")).isEqualTo(ids(withoutLatin, "en", "train"));
    }

    @Test
    void theResultsPageMarksTheNativeWordFound() {
        SearchResults.Hit hit = search.search(SearchRequest.of("ru", "poezdom")).hits().stream()
                .filter(h -> "night-trains".equals(corpus.keys.get(h.id()))).findFirst().orElseThrow();
        assertThat(hit.headlineHtml()).contains("<mark>поездом</mark>");
    }

    @Test
    void suggestionsReadLatinLettersToo() {
        Suggestions suggestions = new Suggestions(index, Clock.fixed(DemoCorpus.NOW, ZoneOffset.UTC));
        assertThat(storySuggestions(suggestions, "ru", "poezd")).contains("night-trains");
        assertThat(storySuggestions(suggestions, "ru", "gjtpl")).contains("night-trains");
        // Half typed: the headline's word starts with a reading of it.
        assertThat(storySuggestions(suggestions, "ru", "marionet")).contains("ru-gyumri-puppets");
        assertThat(storySuggestions(suggestions, "hy", "gnacq")).contains("night-trains");
        assertThat(storySuggestions(suggestions, "hy", "dznadash")).contains("aragats-snowfields");
    }

    private static List<String> storySuggestions(Suggestions suggestions, String edition, String typed) {
        return suggestions.suggest(edition, typed).stream()
                .filter(s -> s.kind() == Suggestions.Suggestion.Kind.STORY).map(s -> corpus.keys.get(s.storyId()))
                .toList();
    }

    private static List<String> headlines(String edition, String query) {
        return search.search(SearchRequest.of(edition, query)).hits().stream().map(SearchResults.Hit::headline)
                .toList();
    }

    private static List<Long> ids(StorySearch with, String edition, String query) {
        return with.search(SearchRequest.of(edition, query)).hits().stream().map(SearchResults.Hit::id).toList();
    }

    private static List<String> keys(StorySearch with, String edition, String query) {
        return ids(with, edition, query).stream().map(corpus.keys::get).toList();
    }

    /** @return the queries whose story is not in the first three, printed with recall@3 and MRR */
    private static List<String> measure(String edition, List<Judged> set) {
        assertThat(set).hasSizeGreaterThanOrEqualTo(15);
        List<String> misses = new ArrayList<>();
        double reciprocal = 0;
        for (Judged judged : set) {
            List<String> found = keys(search, edition, judged.query());
            int rank = found.indexOf(judged.expected());
            if (rank >= 0) {
                reciprocal += 1.0 / (rank + 1);
            }
            if (rank < 0 || rank > 2) {
                misses.add(judged.query() + " -> " + found);
            }
        }
        log.info(String.format(Locale.ROOT, "Latin keyboard %s: %d queries, recall@3 %.3f, MRR %.3f%s", edition,
                set.size(), 1.0 - (double) misses.size() / set.size(), reciprocal / set.size(),
                misses.isEmpty() ? "" : "; missed: " + misses));
        return misses;
    }
}

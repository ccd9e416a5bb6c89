package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Marks the query's words in any grammatical form, escapes everything else, and keeps excluded words unmarked. */
class HighlightingTest {

    private static Highlighting forQuery(String language, String input) {
        QueryBuilding building = new QueryBuilding(Analysis.text(language), Analysis.plain());
        return Highlighting.of(building.build(ReaderQuery.read(input), false), Analysis.forLanguage(language));
    }

    @Test
    void marksEveryFormOfTheWordAndEscapesTheRest() {
        assertThat(forQuery("en", "train ").whole("Night <b>trains</b> & a Train"))
                .isEqualTo("Night &lt;b&gt;<mark>trains</mark>&lt;/b&gt; &amp; a <mark>Train</mark>");
        assertThat(forQuery("en", "train ").whole("\"O'Neill\" — café")).isNull();
        assertThat(Highlighting.escape("\"O'Neill\" <b> & — café"))
                .isEqualTo("&quot;O&#39;Neill&quot; &lt;b&gt; &amp; — café");
        assertThat(forQuery("hy", "գնացք ").whole("Գիշերային գնացքներով"))
                .isEqualTo("Գիշերային <mark>գնացքներով</mark>");
        assertThat(forQuery("en", "ferry ").whole("Nothing here")).isNull();
    }

    @Test
    void marksTheWordBeingTypedAsAPrefixButNotExcludedWords() {
        assertThat(forQuery("ru", "абрик").whole("Абрикосы и персики")).isEqualTo("<mark>Абрикосы</mark> и персики");
        assertThat(forQuery("en", "ferry -night ").whole("Night ferry")).isEqualTo("Night <mark>ferry</mark>");
    }

    @Test
    void picksTheSentencesWithTheMostQueryWordsInTextOrder() {
        String lead = "The ferry left. Nothing else happened. The night ferry to Batumi was full. Ferries are slow.";
        String snippet = forQuery("en", "night ferry ").passages(lead, 2);
        assertThat(snippet).isEqualTo("The <mark>ferry</mark> left. … The <mark>night</mark> <mark>ferry</mark> to"
                + " Batumi was full.");
        assertThat(List.of(snippet.split(" … "))).hasSize(2);
        assertThat(forQuery("en", "harbour ").passages(lead, 2)).isNull();
    }

    @Test
    void marksTheSameWordsFromTheWordsTheIndexRecordedWithoutAnalysingAgain() {
        String sentence = "Գիշերային գնացքներով Թբիլիսիից Երեւան, գնացքը ուշացավ։ ";
        String body = "  " + sentence.repeat(30);
        IndexedStory story = new IndexedStory(42, "hy", 3, "gnacq", "world", "Աշխարհ", "Գնացքները՝ Թբիլիսիում",
                "Ամփոփում։", body, List.of(new IndexedStory.Named("train", "Գնացքներ")),
                List.of(new IndexedStory.Named("anna", "Աննա")), java.time.Instant.parse("2026-06-01T12:00:00Z"));
        org.apache.lucene.analysis.Analyzer analyzer = Analysis.forLanguage("hy");
        int[] lead = StoryDocuments.leadRange(body);
        StoryDisplay display = StoryDisplay.decode(StoryDisplay.encode(story, AnalyzedText.of(analyzer,
                story.headline()), AnalyzedText.of(analyzer, body), lead[0], lead[1]));

        assertThat(display.lead()).isEqualTo(StoryDocuments.lead(body)).startsWith("Գիշերային").hasSizeLessThan(1_001);
        assertThat(List.of(display.id(), display.slug(), display.sectionSlug(), display.sectionName(),
                display.headline(), display.standfirst(), display.publishedAt(), display.tags(), display.authors()))
                .containsExactly(42L, "gnacq", "world", "Աշխարհ", story.headline(), "Ամփոփում։", story.publishedAt(),
                        story.tags(), story.authors());
        for (String input : new String[]{"գնացք ", "թբիլիսի գնացք ", "թբիլ", "\"գնացքը ուշացավ\""}) {
            Highlighting h = forQuery("hy", input);
            assertThat(h.whole(display.headline(), display.headlineWords())).as(input)
                    .isEqualTo(h.whole(display.headline())).contains("<mark>");
            assertThat(h.passages(display.lead(), display.leadWords(), 2)).as(input)
                    .isEqualTo(h.passages(display.lead(), 2)).contains("<mark>");
        }
    }
}

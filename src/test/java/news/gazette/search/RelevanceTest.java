package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relevance test set: queries readers might type, over the fixed demo corpus, with the stories they mean.
 * Recall@10 and MRR are computed per language and printed; recall@10 must reach 0.9 in each. Armenian and Russian
 * queries are mostly typed in another grammatical form than the text has.
 */
class RelevanceTest {

    private static final Logger log = LoggerFactory.getLogger(RelevanceTest.class);

    @TempDir
    static Path dir;
    static DemoCorpus corpus;
    static SearchIndex index;
    static StorySearch search;

    @BeforeAll
    static void index() {
        corpus = DemoCorpus.load();
        index = TestIndexes.of(dir, corpus.stories);
        search = new StorySearch(index, Clock.fixed(DemoCorpus.NOW, ZoneOffset.UTC), ZoneId.of("Asia/Yerevan"));
    }

    @AfterAll
    static void close() {
        index.close();
    }

    record Judged(String query, Set<String> expected) {
    }

    static Judged q(String query, String... expected) {
        return new Judged(query, Set.of(expected));
    }

    static final List<Judged> ENGLISH = List.of(
            q("train", "night-trains"),
            q("trains to Tbilisi", "night-trains"),
            q("sleeper carriages", "night-trains"),
            q("snowfield", "aragats-snowfields"),
            q("Aragats snow shrinking", "aragats-snowfields"),
            q("apricots", "apricot-harvest"),
            q("\"cold storage\"", "apricot-harvest"),
            q("exporter warning", "apricot-harvest"),
            q("chess", "junior-chess"),
            q("junior chess cup", "junior-chess"),
            q("library", "library-nights"),
            q("libraries open at midnight", "library-nights"),
            q("river talks", "river-talks-review"),
            q("Northern Ledger", "river-talks-review"),
            q("solar panels", "rooftop-solar"),
            q("rooftops", "rooftop-solar"),
            q("telescope", "observatory-telescope"),
            q("observatories", "observatory-telescope"),
            q("mountain rescue", "en-mountain-rescue-drill"),
            q("rescuers Gudauri", "en-mountain-rescue-drill"),
            q("ferry", "en-review-black-sea-ferry"),
            q("Batumi Constanta", "en-review-black-sea-ferry"),
            q("wool mill", "en-gyumri-textiles"),
            q("fashion labels", "en-gyumri-textiles"),
            q("honey", "en-syunik-honey"),
            q("beekeeper", "en-syunik-honey"),
            q("buoys on Sevan", "en-sevan-algae-buoys"),
            q("seed bank", "en-dilijan-seed-bank"),
            q("wild wheat", "en-dilijan-seed-bank"),
            q("cinema reopening", "en-gyumri-aurora-cinema"),
            q("village songs", "en-lori-song-archive"),
            q("half marathon", "en-yerevan-half-marathon"),
            q("cycling", "en-around-sevan-ride"),
            q("telescpoe", "observatory-telescope"),
            q("marathn", "en-yerevan-half-marathon"),
            q("apric", "apricot-harvest"),
            q("Owen Carrick", "library-nights", "en-gyumri-aurora-cinema", "en-lori-song-archive"),
            q("Harutyunyan", "night-trains", "en-mountain-rescue-drill"));

    static final List<Judged> RUSSIAN = List.of(
            q("поезд", "night-trains"),
            q("ночные поезда", "night-trains"),
            q("Тбилиси", "night-trains"),
            q("снежник", "aragats-snowfields"),
            q("снежники Арагаца", "aragats-snowfields"),
            q("абрикос", "apricot-harvest"),
            q("холодильник", "apricot-harvest"),
            q("экспортеры", "apricot-harvest"),
            q("шахматы", "junior-chess"),
            q("шахматистов", "junior-chess"),
            q("библиотека", "library-nights"),
            q("библиотекам", "library-nights"),
            q("переговоры", "river-talks-review"),
            q("речная комиссия", "river-talks-review"),
            q("солнечная панель", "rooftop-solar"),
            q("крыша", "rooftop-solar"),
            q("телескопы", "observatory-telescope"),
            q("обсерватория", "observatory-telescope"),
            q("сейсмостойкое строительство", "ru-seismic-conference"),
            q("конференция в Гюмри", "ru-seismic-conference"),
            q("горный гид", "ru-mountain-guides"),
            q("аренда офиса", "ru-office-rents-review"),
            q("гостиница в Дилижане", "ru-dilijan-hotels"),
            q("цветение воды", "ru-sevan-buoys"),
            q("пчела", "ru-mountain-bees"),
            q("пчёлы", "ru-mountain-bees"),
            q("марионетка", "ru-gyumri-puppets"),
            q("театр марионеток", "ru-gyumri-puppets"),
            q("джаз", "ru-jazz-dilijan"),
            q("фестиваль у озера", "ru-jazz-dilijan"),
            q("полумарафоны", "ru-half-marathon"),
            q("регата", "ru-sevan-regatta"),
            q("\"парусный спорт\"", "ru-sevan-regatta"),
            q("телескол", "observatory-telescope"),
            q("абрик", "apricot-harvest"),
            q("Елена Соколова", "aragats-snowfields", "observatory-telescope", "ru-sevan-buoys", "ru-mountain-bees"));

    static final List<Judged> ARMENIAN = List.of(
            q("գնացք", "night-trains"),
            q("գնացքներ", "night-trains"),
            q("Թբիլիսիից", "night-trains"),
            q("ձնադաշտ", "aragats-snowfields"),
            q("Արագած", "aragats-snowfields"),
            q("ծիրան", "apricot-harvest"),
            q("ծիրաններով", "apricot-harvest"),
            q("պահեստ", "apricot-harvest"),
            q("շախմատ", "junior-chess"),
            q("շախմատիստներից", "junior-chess"),
            q("գրադարան", "library-nights"),
            q("գրադարաններում", "library-nights"),
            q("գետ", "river-talks-review"),
            q("բանակցություն", "river-talks-review"),
            q("վահանակ", "rooftop-solar"),
            q("տանիքներ", "rooftop-solar"),
            q("աստղադիտարանում", "observatory-telescope"),
            q("աստղադիտակներ", "observatory-telescope"),
            q("լաստանավ", "hy-black-sea-ferry-review"),
            q("բնակավայր", "hy-mountain-towns-forum"),
            q("երիտասարդների", "hy-mountain-towns-forum"),
            q("ֆաբրիկա", "hy-gyumri-knitwear"),
            q("տրիկոտաժից", "hy-gyumri-knitwear"),
            q("ֆերմա", "hy-dairy-feed-review"),
            q("կեր", "hy-dairy-feed-review"),
            q("բոյ", "hy-sevan-buoys"),
            q("արբանյակ", "hy-student-cubesat"),
            q("ուսանող", "hy-student-cubesat"),
            q("փառատոն", "hy-gyumri-puppet-festival"),
            q("տիկնիկ", "hy-gyumri-puppet-festival"),
            q("լուսանկար", "hy-yerevan-family-photos"),
            q("ցուցահանդեսում", "hy-yerevan-family-photos"),
            q("ռեգատայում", "hy-sevan-regatta"),
            q("վազորդ", "hy-dilijan-forest-run"),
            q("անտառում", "hy-dilijan-forest-run"),
            q("Սևան", "hy-sevan-buoys", "hy-sevan-regatta"),
            q("աստղադ", "observatory-telescope"),
            q("Հարությունյանի", "night-trains", "hy-mountain-towns-forum"));

    @Test
    void englishQueriesFindTheStoriesMeant() {
        assertThat(measure("en", ENGLISH)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void russianQueriesFindTheStoriesMeant() {
        assertThat(measure("ru", RUSSIAN)).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void armenianQueriesInAnyFormFindTheStoriesMeant() {
        assertThat(measure("hy", ARMENIAN)).isGreaterThanOrEqualTo(0.9);
    }

    /** @return recall@10 */
    private static double measure(String edition, List<Judged> set) {
        assertThat(set).hasSizeGreaterThanOrEqualTo(30);
        double recall = 0;
        double reciprocal = 0;
        List<String> misses = new ArrayList<>();
        for (Judged judged : set) {
            List<String> found = search.search(SearchRequest.of(edition, judged.query())).hits().stream()
                    .map(h -> corpus.keys.get(h.id())).toList();
            long hit = judged.expected().stream().filter(found::contains).count();
            recall += (double) hit / judged.expected().size();
            for (int rank = 0; rank < found.size(); rank++) {
                if (judged.expected().contains(found.get(rank))) {
                    reciprocal += 1.0 / (rank + 1);
                    break;
                }
            }
            if (hit < judged.expected().size()) {
                misses.add(judged.query() + " -> " + found);
            }
        }
        recall /= set.size();
        double mrr = reciprocal / set.size();
        String report = String.format(Locale.ROOT, "Relevance %s: %d queries, recall@10 %.3f, MRR %.3f%s", edition,
                set.size(), recall, mrr, misses.isEmpty() ? "" : "; missed: " + misses);
        log.info(report);
        return recall;
    }
}

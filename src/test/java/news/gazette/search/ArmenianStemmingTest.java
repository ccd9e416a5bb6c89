package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.hy.ArmenianAnalyzer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures how often a noun's forms reach the same index term as its dictionary form: with Lucene's stock
 * {@link ArmenianAnalyzer} (Snowball) and with Gazette's chain. Both figures are printed.
 */
class ArmenianStemmingTest {

    private static final Logger log = LoggerFactory.getLogger(ArmenianStemmingTest.class);

    /** Each line: the dictionary form, then plural, article, genitive/dative, ablative, instrumental, locative forms. */
    static final List<List<String>> NOUNS = List.of(
            List.of("գնացք", "գնացքը", "գնացքն", "գնացքներ", "գնացքները", "գնացքի", "գնացքին", "գնացքից", "գնացքով",
                    "գնացքում", "գնացքների", "գնացքներից", "գնացքներով", "գնացքներում", "գնացքներին"),
            List.of("գետ", "գետը", "գետեր", "գետերը", "գետի", "գետին", "գետից", "գետով", "գետում", "գետերի", "գետերից",
                    "գետերով", "գետերում", "գետերին"),
            List.of("գրադարան", "գրադարանը", "գրադարաններ", "գրադարանները", "գրադարանի", "գրադարանից", "գրադարանով",
                    "գրադարանում", "գրադարանների", "գրադարաններից", "գրադարաններով", "գրադարաններում"),
            List.of("քաղաք", "քաղաքը", "քաղաքներ", "քաղաքի", "քաղաքից", "քաղաքով", "քաղաքում", "քաղաքների",
                    "քաղաքներից", "քաղաքներում", "քաղաքներին"),
            List.of("ջուր", "ջուրը", "ջրի", "ջրից", "ջրով", "ջրում", "ջրեր", "ջրերը", "ջրերի", "ջրերում"),
            List.of("գիրք", "գիրքը", "գրքեր", "գրքի", "գրքից", "գրքով", "գրքում", "գրքերի", "գրքերից"),
            List.of("երկիր", "երկիրը", "երկրի", "երկրից", "երկրով", "երկրում", "երկրներ", "երկրների"),
            List.of("լիճ", "լիճը", "լճի", "լճից", "լճով", "լճում", "լճեր", "լճերի"),
            List.of("Գյումրի", "Գյումրին", "Գյումրիի", "Գյումրիից", "Գյումրիով", "Գյումրիում"),
            List.of("Սևան", "Սևանը", "Սևանի", "Սևանից", "Սևանով", "Սևանում"),
            List.of("ռեգատա", "ռեգատան", "ռեգատայի", "ռեգատայից", "ռեգատայով", "ռեգատայում", "ռեգատաներ", "ռեգատաների"),
            List.of("ֆերմա", "ֆերման", "ֆերմայի", "ֆերմայից", "ֆերմաներ", "ֆերմաների", "ֆերմաներին", "ֆերմաներում"),
            List.of("գործընկերություն", "գործընկերությունը", "գործընկերության", "գործընկերությունից",
                    "գործընկերությամբ", "գործընկերությունում", "գործընկերություններ", "գործընկերությունների"),
            List.of("աստղադիտակ", "աստղադիտակը", "աստղադիտակի", "աստղադիտակով", "աստղադիտակներ", "աստղադիտակների",
                    "աստղադիտակներից"),
            List.of("ուսանող", "ուսանողը", "ուսանողներ", "ուսանողները", "ուսանողի", "ուսանողից", "ուսանողներին",
                    "ուսանողների", "ուսանողներով"));

    @Test
    void gazettesChainFindsANounInAllItsCommonForms() {
        double stock;
        double ours;
        try (Analyzer lucene = new ArmenianAnalyzer(); Analyzer gazette = Analysis.text("hy")) {
            stock = conflation(lucene, "ArmenianAnalyzer");
            ours = conflation(gazette, "Gazette");
        }
        log.info(String.format(Locale.ROOT, "Armenian noun forms reaching their dictionary form's term: "
                + "Lucene ArmenianAnalyzer %.1f%%, Gazette %.1f%%", stock * 100, ours * 100));
        assertThat(ours).isGreaterThanOrEqualTo(0.95).isGreaterThan(stock);
    }

    @Test
    void spellingVariantsMeet() {
        Analyzer hy = Analysis.text("hy");
        assertThat(QueryBuilding.analyze(hy, "Երևան")).isEqualTo(QueryBuilding.analyze(hy, "Երեւանում"));
        assertThat(QueryBuilding.analyze(hy, "թե՛")).isEqualTo(QueryBuilding.analyze(hy, "թե"));
        Analyzer ru = Analysis.text("ru");
        assertThat(QueryBuilding.analyze(ru, "пчёлы")).isEqualTo(QueryBuilding.analyze(ru, "пчелы"));
        assertThat(QueryBuilding.analyze(ru, "Ёлка")).isEqualTo(QueryBuilding.analyze(ru, "елки"));
    }

    private static double conflation(Analyzer analyzer, String name) {
        int forms = 0;
        int same = 0;
        List<String> misses = new ArrayList<>();
        for (List<String> noun : NOUNS) {
            List<String> base = QueryBuilding.analyze(analyzer, noun.get(0));
            for (String form : noun.subList(1, noun.size())) {
                forms++;
                List<String> term = QueryBuilding.analyze(analyzer, form);
                if (term.equals(base)) {
                    same++;
                } else {
                    misses.add(form + "→" + term + "≠" + base);
                }
            }
        }
        log.info("{}: {}/{} forms conflated; missed {}", name, same, forms, misses);
        return (double) same / forms;
    }
}

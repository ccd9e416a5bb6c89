package news.gazette.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReaderQueryTest {

    @Test
    void readsWordsPhrasesExclusionsAndThePrefixBeingTyped() {
        ReaderQuery q = ReaderQuery.read("night \"sleeper train\" -bus Tbil");
        assertThat(q.words()).containsExactly("night", "Tbil");
        assertThat(q.phrases()).containsExactly("sleeper train");
        assertThat(q.excluded()).containsExactly("bus");
        assertThat(q.prefix()).isEqualTo("Tbil");
        assertThat(ReaderQuery.read("night train ").prefix()).isNull();
        assertThat(ReaderQuery.read("apric*").prefix()).isEqualTo("apric");
        assertThat(ReaderQuery.read("«ночной поезд»").phrases()).containsExactly("ночной поезд");
    }

    @Test
    void syntaxIsNeverSyntax() {
        assertThat(ReaderQuery.read("a*b~c:d\\ (e) [f] {g}").words()).containsExactly("a", "b", "c", "d", "e", "f", "g");
        ReaderQuery unbalanced = ReaderQuery.read("\"unbalanced quote");
        assertThat(unbalanced.words()).containsExactly("unbalanced", "quote");
        assertThat(unbalanced.phrases()).isEmpty();
        assertThat(ReaderQuery.read("\u0000\u0007ü\u200B").words()).containsExactly("ü");
        assertThat(ReaderQuery.read("Yerevan’s").words()).containsExactly("Yerevan’s");
    }

    @Test
    void longInputIsCutAndSaysSo() {
        ReaderQuery q = ReaderQuery.read("word ".repeat(100));
        assertThat(q.cut()).isTrue();
        assertThat(q.text().length()).isLessThanOrEqualTo(ReaderQuery.MAX_LENGTH);
        assertThat(ReaderQuery.read("short").cut()).isFalse();
    }

    @Test
    void hostileStringsAlwaysReadAndBuild() {
        QueryBuilding building = new QueryBuilding(Analysis.text("hy"), Analysis.plain());
        for (String s : HostileQueriesTest.hostile(2_000, 7)) {
            ReaderQuery q = ReaderQuery.read(s);
            building.build(q, true);
            assertThat(q.words().size() + q.phrases().size() + q.excluded().size()).isLessThanOrEqualTo(12);
        }
    }
}

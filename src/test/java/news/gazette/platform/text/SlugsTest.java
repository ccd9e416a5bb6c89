package news.gazette.platform.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void latinHeadlinesBecomeLowercaseWordsJoinedByHyphens() {
        assertThat(Slugs.of("Overnight train: Yerevan–Tbilisi, from next spring!")).isEqualTo("overnight-train-yerevan-tbilisi-from-next-spring");
        assertThat(Slugs.of("Café au lait à 5 €")).isEqualTo("cafe-au-lait-a-5");
    }

    @Test
    void cyrillicIsTransliterated() {
        assertThat(Slugs.of("Ночной поезд свяжет Ереван и Тбилиси")).isEqualTo("nochnoy-poezd-svyazhet-erevan-i-tbilisi");
        assertThat(Slugs.of("Съезд, щука и ёж")).isEqualTo("sezd-shchuka-i-yozh");
    }

    @Test
    void armenianIsTransliterated() {
        assertThat(Slugs.of("Գիշերային գնացք Երևանից Թբիլիսի")).isEqualTo("gisherayin-gnatsk-erevanits-tbilisi");
        assertThat(Slugs.of("Արագածի ձյունադաշտերը")).isEqualTo("aragatsi-dzyunadashtery");
        assertThat(Slugs.of("Ուսանողները")).isEqualTo("usanoghnery");
    }

    @Test
    void nothingUsableGivesAFallbackAndLongHeadlinesAreCutAtAWord() {
        assertThat(Slugs.of("!!! ???")).isEqualTo("story");
        assertThat(Slugs.of(null)).isEqualTo("story");
        String slug = Slugs.of("word ".repeat(40));
        assertThat(slug.length()).isLessThanOrEqualTo(80);
        assertThat(slug).doesNotEndWith("-").endsWith("word");
    }
}

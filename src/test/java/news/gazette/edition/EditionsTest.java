package news.gazette.edition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class EditionsTest {

    private final Editions editions = new Editions(new EditionProperties("en", List.of(
            new EditionProperties.Entry("en", "en", "English", "EN", "The Meridian"),
            new EditionProperties.Entry("ru", "ru", "Русский", "RU", "Меридиан"),
            new EditionProperties.Entry("hy", "hy", "Հայերեն", "ՀԱՅ", "Մերիդիան"))));

    @Test
    void picksTheEditionTheBrowserPrefers() {
        assertThat(editions.bestFor(Locale.LanguageRange.parse("ru-RU,ru;q=0.9,en;q=0.8")).code()).isEqualTo("ru");
        assertThat(editions.bestFor(Locale.LanguageRange.parse("de-DE,hy;q=0.5")).code()).isEqualTo("hy");
        assertThat(editions.bestFor(Locale.LanguageRange.parse("fr-FR,de;q=0.5")).code()).isEqualTo("en");
    }

    @Test
    void readsTheAcceptLanguageHeaderLeniently() {
        assertThat(editions.bestFor("hy-AM,hy;q=0.9,en;q=0.5").code()).isEqualTo("hy");
        assertThat(editions.bestFor("ru").code()).isEqualTo("ru");
        assertThat(editions.bestFor((String) null).code()).isEqualTo("en");
        assertThat(editions.bestFor("  ").code()).isEqualTo("en");
        assertThat(editions.bestFor("ru;q=abc,,;;").code()).as("unreadable").isEqualTo("en");
    }

    @Test
    void keepsTheConfiguredOrderAndRefusesNonsense() {
        assertThat(editions.all()).extracting(Edition::code).containsExactly("en", "ru", "hy");
        assertThat(editions.find("xx")).isEmpty();
        assertThat(editions.find(null)).isEmpty();
        assertThatThrownBy(() -> new Editions(new EditionProperties("de", List.of(
                new EditionProperties.Entry("en", "en", "English", "EN", "X"))))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Editions(new EditionProperties(null, List.of(
                new EditionProperties.Entry("EN!", "en", "English", "EN", "X"))))).isInstanceOf(IllegalStateException.class);
    }
}

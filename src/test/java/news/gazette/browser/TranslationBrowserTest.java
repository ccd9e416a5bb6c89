package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import news.gazette.account.Account;
import news.gazette.account.Role;
import news.gazette.story.Editing;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryEdit;
import news.gazette.story.StoryImports;
import news.gazette.story.Translating;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Editions in step, walked in Chromium: an editor changes a paragraph of a published English story that has a
 * Russian translation; the translator opens the translation, sees it flagged outdated with the changed paragraph
 * (old and new text), rewrites the Russian paragraph, saves, marks it up to date, and the translation and the
 * source's panel both say the Russian edition is published and in step.
 */
// Its own application: it reads the demo's translations, which the other browser tests' shared application changes.
@org.springframework.test.context.TestPropertySource(properties = "gazette.test.context=translation-desk")
class TranslationBrowserTest extends NewsroomInBrowser {

    private static final String OLD = "Tickets cost 5,000 drams.";
    private static final String NEW = "Tickets cost 6,000 drams from March.";

    @Autowired StoryImports imports;
    @Autowired Translating translating;
    @Autowired Editing editing;
    @Autowired Publishing publishing;

    private ChromeDriver signIn(ChromeDriver driver, String email, Role role) {
        accounts.create(email, "Browser " + role, PASSWORD, role);
        return Browser.signIn(driver, base(), email, PASSWORD);
    }

    private void openEditor(ChromeDriver driver, long id) {
        driver.get(base() + "/newsroom/stories/" + id + "/edit");
        Browser.waitFor(driver).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tox-tinymce")));
        EditorSteps.waitForEditor(driver);
    }

    /** Selects the text of the body's second paragraph and types over it, as a journalist does. */
    private static void retypeSecondParagraph(ChromeDriver driver, String text) {
        driver.executeScript("var ed = tinymce.activeEditor; ed.focus(); "
                + "ed.selection.select(ed.dom.select('p')[1], true); ed.nodeChanged();");
        driver.switchTo().frame("story-body_ifr");
        driver.findElement(By.tagName("body")).sendKeys(text);
        driver.switchTo().defaultContent();
    }

    private static void save(ChromeDriver driver) {
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
        Browser.waitFor(driver).until(ExpectedConditions.urlContains("/edit?saved"));
    }

    private static String state(ChromeDriver driver, String edition) {
        return driver.findElement(By.cssSelector("#translation tr[data-edition=" + edition + "]"))
                .getAttribute("data-state");
    }

    @Test
    void aChangedSourceIsSeenByTheTranslatorWhoUpdatesAndMarksTheTranslationUpToDate() {
        long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1")
                .query(Long.class).single();
        long source = imports.bring(NewStory.builder("en", section).headline("Cable car to Tatev runs again")
                .standfirst("The longest reversible cable car reopens after repairs.")
                .body("<p>The cable car resumes on Monday.</p><p>" + OLD + "</p>")
                .published(Instant.now().minusSeconds(3600)).build(), "test");
        ChromeDriver translator = signIn(browser.newPage(base()), "tatev-translator@example.org", Role.AUTHOR);
        Account account = accounts.byEmail("tatev-translator@example.org").orElseThrow();
        StoryActor asTranslator = StoryActor.of(account, null);
        long translation = translating.translate(source, "ru", asTranslator);
        editing.save(translation, jdbc.sql("select version from stories where id = ?").param(translation)
                .query(Integer.class).single(), StoryEdit.builder().headline("Канатная дорога в Татев снова работает")
                .standfirst("Самая длинная реверсивная канатная дорога открылась после ремонта.")
                .body("<p>Канатная дорога возобновит работу в понедельник.</p><p>Билет стоит 5000 драмов.</p>")
                .build(), asTranslator);
        publishing.publish(translation, asTranslator);

        ChromeDriver editor = signIn(browser.open(), "desk-editor@example.org", Role.EDITOR);
        openEditor(editor, source);
        assertThat(state(editor, "ru")).isEqualTo("published");
        retypeSecondParagraph(editor, NEW);
        save(editor);
        assertThat(jdbc.sql("select body from stories where id = ?").param(source).query(String.class).single())
                .contains(NEW).doesNotContain(OLD);

        openEditor(translator, translation);
        assertThat(state(translator, "ru")).isEqualTo("outdated");
        assertThat(translator.findElement(By.id("translation-outdated")).isDisplayed()).isTrue();
        WebElement changed = translator.findElement(By.cssSelector(".source-changes li"));
        assertThat(changed.findElement(By.tagName("del")).getText()).isEqualTo(OLD);
        assertThat(changed.findElement(By.tagName("ins")).getText()).isEqualTo(NEW);
        assertThat(translator.findElements(By.cssSelector(".source-changes li"))).hasSize(1);

        retypeSecondParagraph(translator, "Билет стоит 6000 драмов с марта.");
        save(translator);
        assertThat(jdbc.sql("select body from stories where id = ?").param(translation).query(String.class).single())
                .contains("Билет стоит 6000 драмов с марта.").doesNotContain("5000");
        assertThat(state(translator, "ru")).as("saving is not deciding").isEqualTo("outdated");

        translator.findElement(By.id("mark-up-to-date")).click();
        Browser.waitFor(translator).until(ExpectedConditions.urlContains("/edit?uptodate"));
        assertThat(translator.findElement(By.cssSelector("#translation [role=status]")).getText())
                .isEqualTo("The translation is marked as up to date with its source.");
        assertThat(state(translator, "ru")).isEqualTo("published");
        assertThat(translator.findElements(By.cssSelector(".source-changes, #translation-outdated"))).isEmpty();
        assertThat(translator.findElement(By.id("translation")).getText()).contains("tatev-translator@example.org");

        openEditor(editor, source);
        assertThat(state(editor, "ru")).as("the story group's state on the source").isEqualTo("published");
        assertThat(state(editor, "en")).isEqualTo("published");
        assertThat(state(editor, "hy")).isEqualTo("not-translated");
    }

    @Test
    void theTranslationDeskTheOutdatedPanelAndTheCorrectionsPagesPassAxe() {
        AccessibilityTest.loadAxe();
        ChromeDriver editor = signIn(browser.newPage(base()), "translation-axe-editor@example.org", Role.EDITOR);
        long outdated = jdbc.sql("select id from stories where edition = 'hy' and translation_group = (select "
                + "translation_group from stories where edition = 'en' and headline like 'Aragats snowfields%')")
                .query(Long.class).single();
        List<String> problems = new ArrayList<>();
        editor.get(base() + "/newsroom/translations/missing?edition=hy");
        problems.addAll(AccessibilityTest.violations(editor, "stories to translate"));
        editor.get(base() + "/newsroom/translations/mappings?from=en&to=hy");
        problems.addAll(AccessibilityTest.violations(editor, "mappings"));
        editor.executeScript("document.getElementById('tag-from').value = ' ';");
        editor.findElement(By.cssSelector(".new-tag-mapping button[type=submit]")).click();
        Browser.waitFor(editor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[role=alert]")));
        problems.addAll(AccessibilityTest.violations(editor, "mappings, a refused tag"));
        editor.get(base() + "/newsroom/stories/" + outdated + "/translation");
        assertThat(editor.findElements(By.cssSelector(".source-changes li"))).isNotEmpty();
        problems.addAll(AccessibilityTest.violations(editor, "the outdated translation's panel"));
        for (String edition : List.of("en", "ru", "hy")) {
            editor.get(base() + "/" + edition + "/corrections");
            Browser.waitFor(editor).until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".page-corrections .corrections-list li")));
            problems.addAll(AccessibilityTest.violations(editor, "corrections in " + edition));
        }
        assertThat(problems).isEmpty();
    }
}

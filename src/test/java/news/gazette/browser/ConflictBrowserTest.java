package news.gazette.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import news.gazette.account.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Two editors in two browsers edit the same story (ADR 96). The first saves; the second sees who has the story open,
 * and on saving gets the conflict page: who saved and when, the difference field by field, and a choice per field.
 * She takes their headline, keeps her standfirst, puts the merge in the form and saves: the stored story holds
 * exactly the chosen fields. axe-core finds nothing on the conflict page.
 */
class ConflictBrowserTest extends NewsroomInBrowser {

    @BeforeAll
    static void axe() {
        AccessibilityTest.loadAxe();
    }

    private static void save(ChromeDriver driver) {
        driver.findElement(By.cssSelector("#story-form button[name=intent][value=save]")).click();
    }

    @Test
    void theSecondSaveShowsTheConflictAndTheMergeKeepsTheChosenFields() {
        accounts.create("aram@example.org", "Aram Petrosyan", PASSWORD, Role.EDITOR);
        accounts.create("lilit@example.org", "Lilit Sargsyan", PASSWORD, Role.EDITOR);
        long id = jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1")
                .query(Long.class).single();
        String edit = base() + "/newsroom/stories/" + id + "/edit";

        ChromeDriver aram = Browser.signIn(browser.newPage(base()), base(), "aram@example.org", PASSWORD);
        aram.get(edit);
        EditorSteps.waitForEditor(aram);
        ChromeDriver lilit = Browser.signIn(browser.open(), base(), "lilit@example.org", PASSWORD);
        lilit.get(edit);
        EditorSteps.waitForEditor(lilit);
        assertThat(lilit.findElement(By.cssSelector("[data-presence-list]")).getText())
                .as("who else has the story open, before anyone saves").contains("Aram Petrosyan");

        retype(aram, "headline", "Their headline: the bridge reopens");
        retype(aram, "standfirst", "Their standfirst about the bridge.");
        save(aram);
        Browser.waitFor(aram).until(ExpectedConditions.urlContains("/edit?saved"));
        String body = jdbc.sql("select body from stories where id = ?").param(id).query(String.class).single();

        retype(lilit, "headline", "My headline: the bridge reopens at dawn");
        retype(lilit, "standfirst", "My standfirst about the dawn opening.");
        save(lilit);
        Browser.waitFor(lilit).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("section.conflict")));

        String alert = String.join(" ", lilit.findElements(By.cssSelector("[role=alert]")).stream()
                .map(WebElement::getText).toList());
        int stored = jdbc.sql("select version from stories where id = ?").param(id).query(Integer.class).single();
        assertThat(alert).as("who saved, and when").contains("aram@example.org").contains("version " + stored)
                .containsPattern("20[0-9]{2}");
        List<String> fields = lilit.findElements(By.cssSelector(".conflict-field legend")).stream()
                .map(WebElement::getText).toList();
        assertThat(fields).contains("Headline", "Standfirst").doesNotContain("Text");
        WebElement headlineField = conflictField(lilit, "Headline");
        assertThat(headlineField.findElements(By.tagName("del")).stream().map(WebElement::getText).toList())
                .as("their words, not in mine").isNotEmpty();
        assertThat(headlineField.findElements(By.tagName("ins")).stream().map(WebElement::getText).toList())
                .as("my words").anySatisfy(word -> assertThat(word).contains("dawn"));
        assertThat(lilit.findElement(By.id("headline")).getAttribute("value"))
                .as("what I typed is kept").isEqualTo("My headline: the bridge reopens at dawn");
        List<String> problems = new ArrayList<>(AccessibilityTest.violations(lilit, "conflict page"));

        headlineField.findElement(By.cssSelector("input[type=radio][value=theirs]")).click();
        assertThat(conflictField(lilit, "Standfirst").findElement(By.cssSelector("input[type=radio][value=mine]"))
                .isSelected()).as("mine is the default").isTrue();
        WebElement conflict = lilit.findElement(By.cssSelector("section.conflict"));
        conflict.findElement(By.cssSelector("button[name=intent][value=merge]")).click();
        Browser.waitFor(lilit).until(ExpectedConditions.stalenessOf(conflict));
        EditorSteps.waitForEditor(lilit);
        assertThat(lilit.findElements(By.cssSelector("section.conflict"))).isEmpty();
        assertThat(lilit.findElement(By.cssSelector("p.notice[role=status]")).getText()).contains("Nothing is saved yet");
        assertThat(lilit.findElement(By.id("headline")).getAttribute("value")).isEqualTo("Their headline: the bridge reopens");
        assertThat(lilit.findElement(By.id("standfirst")).getAttribute("value")).isEqualTo("My standfirst about the dawn opening.");
        assertThat(jdbc.sql("select headline from stories where id = ?").param(id).query(String.class).single())
                .as("putting the merge in the form saves nothing").isEqualTo("Their headline: the bridge reopens");

        save(lilit);
        Browser.waitFor(lilit).until(ExpectedConditions.urlContains("/edit?saved"));
        assertThat(jdbc.sql("select headline from stories where id = ?").param(id).query(String.class).single())
                .isEqualTo("Their headline: the bridge reopens");
        assertThat(jdbc.sql("select standfirst from stories where id = ?").param(id).query(String.class).single())
                .isEqualTo("My standfirst about the dawn opening.");
        assertThat(jdbc.sql("select body from stories where id = ?").param(id).query(String.class).single())
                .as("the text nobody changed").isEqualTo(body);
        assertThat(problems).isEmpty();
    }

    private static WebElement conflictField(ChromeDriver driver, String legend) {
        return driver.findElements(By.cssSelector(".conflict-field")).stream()
                .filter(f -> f.findElement(By.tagName("legend")).getText().equals(legend)).findFirst().orElseThrow();
    }
}

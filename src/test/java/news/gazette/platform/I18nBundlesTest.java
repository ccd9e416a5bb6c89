package news.gazette.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

/**
 * Every user-facing string is a message key present, and filled, in every edition's bundle; templates hold no
 * hard-coded words.
 */
class I18nBundlesTest {

    private static final List<String> EDITIONS = List.of("", "_ru", "_hy");
    private static final Pattern KEY_IN_TEMPLATE = Pattern.compile("t\\.get\\(\"([a-z0-9.-]+)\"");
    private static final Pattern KEY_IN_JAVA = Pattern.compile("\\bt\\.get\\(\"([a-z0-9.-]+)\"");
    private static final Pattern COMPUTED_KEY = Pattern.compile("t\\.get\\(\"([a-z0-9.-]+\\.)\"\\s*\\+");
    /** Attributes a person reads or hears. */
    private static final Set<String> READ_ATTRIBUTES = Set.of("alt", "title", "aria-label", "placeholder", "value");
    /** Words that are the same in every language: brand and product names, and the A−/A+ size marks. */
    private static final Set<String> UNTRANSLATED = Set.of("A−", "A+");

    private static Properties bundle(String suffix) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(
                I18nBundlesTest.class.getResourceAsStream("/messages" + suffix + ".properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void everyBundleHasEveryKeyFilledIn() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        for (String suffix : EDITIONS) {
            Properties bundle = bundle(suffix);
            assertThat(bundle.stringPropertyNames()).as("keys of messages%s", suffix).isEqualTo(english);
            for (String key : english) {
                assertThat(bundle.getProperty(key)).as("%s in messages%s", key, suffix).isNotBlank();
            }
        }
    }

    /** Keys built from a name at run time, which the templates' scan cannot see: each webhook event's label. */
    @Test
    void everyWebhookEventHasItsLabel() throws IOException {
        Set<String> english = bundle("").stringPropertyNames();
        for (news.gazette.webhook.WebhookEvent event : news.gazette.webhook.WebhookEvent.values()) {
            assertThat(english).contains("newsroom.webhooks.event." + event.wireName());
        }
    }

    @Test
    void placeholdersMatchAcrossBundles() throws IOException {
        Properties english = bundle("");
        Pattern placeholder = Pattern.compile("\\{\\d}");
        for (String suffix : List.of("_ru", "_hy")) {
            Properties other = bundle(suffix);
            for (String key : english.stringPropertyNames()) {
                assertThat(placeholders(other.getProperty(key), placeholder)).as("%s in messages%s", key, suffix)
                        .isEqualTo(placeholders(english.getProperty(key), placeholder));
            }
        }
    }

    private static Set<String> placeholders(String text, Pattern pattern) {
        Set<String> found = new TreeSet<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void russianAndArmenianAreWrittenInTheirOwnScripts() throws IOException {
        assertScript(bundle("_ru"), "\\p{IsCyrillic}");
        assertScript(bundle("_hy"), "\\p{IsArmenian}");
    }

    private static void assertScript(Properties bundle, String script) {
        long inScript = bundle.stringPropertyNames().stream()
                .filter(k -> bundle.getProperty(k).matches("(?s).*" + script + ".*")).count();
        // Everything but network and store names, date patterns and the title pattern is in the edition's script.
        assertThat(inScript).isGreaterThan(bundle.size() - 16);
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> known = bundle("").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        Set<String> prefixes = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/jte")), Files.walk(Path.of("src/main/java")))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Matcher m = (file.toString().endsWith(".jte") ? KEY_IN_TEMPLATE : KEY_IN_JAVA).matcher(text);
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        used.add(m.group(1));
                    }
                }
                Matcher computed = COMPUTED_KEY.matcher(text);
                while (computed.find()) {
                    prefixes.add(computed.group(1));
                }
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
        for (String prefix : prefixes) {
            assertThat(known).as("keys under %s", prefix).anyMatch(k -> k.startsWith(prefix));
        }
    }

    @Test
    void templatesHoldNoHardCodedWords() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/jte"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Document html = Jsoup.parse(withoutTemplateCode(Files.readString(file)));
                for (Element element : html.getAllElements()) {
                    for (TextNode text : element.textNodes()) {
                        check(text.text(), file + " text", problems);
                    }
                    element.attributes().forEach(a -> {
                        if (READ_ATTRIBUTES.contains(a.getKey())) {
                            check(a.getValue(), file + " @" + a.getKey(), problems);
                        }
                    });
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void check(String text, String where, List<String> problems) {
        String stripped = text.strip();
        if (!stripped.isEmpty() && !UNTRANSLATED.contains(stripped) && stripped.codePoints().anyMatch(Character::isLetter)) {
            problems.add(where + ": " + stripped);
        }
    }

    /** Removes jte expressions and directives, leaving the markup and any literal text around them. */
    static String withoutTemplateCode(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '$' && template.startsWith("${", i) || template.startsWith("$unsafe{", i)) {
                i = skipBalanced(template, template.indexOf('{', i), '{', '}');
            } else if (c == '@' && i + 1 < template.length() && Character.isLetter(template.charAt(i + 1))) {
                int j = i + 1;
                while (j < template.length() && (Character.isLetterOrDigit(template.charAt(j)) || template.charAt(j) == '.')) {
                    j++;
                }
                String word = template.substring(i + 1, j);
                if (word.equals("import") || word.equals("param")) {
                    int end = template.indexOf('\n', j);
                    i = end < 0 ? template.length() : end;
                } else if (j < template.length() && template.charAt(j) == '(') {
                    i = word.startsWith("template.") ? skipTemplateCall(template, j) : skipBalanced(template, j, '(', ')');
                } else {
                    i = j;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** A template call's arguments may hold content blocks (@`…`) whose markup is checked like any other. */
    private static int skipTemplateCall(String template, int open) {
        int depth = 0;
        for (int i = open; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '`') {
                return i + 1;
            }
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i + 1;
            }
        }
        return template.length();
    }

    private static int skipBalanced(String text, int open, char opening, char closing) {
        int depth = 0;
        boolean quoted = false;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && text.charAt(i - 1) != '\\') {
                quoted = !quoted;
            } else if (!quoted && c == opening) {
                depth++;
            } else if (!quoted && c == closing && --depth == 0) {
                return i + 1;
            }
        }
        return text.length();
    }

    @Test
    void theCheckCatchesAHardCodedWord() {
        String template = "@param String x\n<p>${x}</p><button aria-label=\"Close\">${t.get(\"a\")}</button><p>Hello</p>";
        Document html = Jsoup.parse(withoutTemplateCode(template));
        assertThat(html.select("p").last().text()).isEqualTo("Hello");
        assertThat(html.select("button").attr("aria-label")).isEqualTo("Close");
        assertThat(html.select("p").first().text()).isEmpty();
    }

}

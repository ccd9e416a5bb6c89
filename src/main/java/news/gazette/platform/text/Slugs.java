package news.gazette.platform.text;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a headline or a name in Latin, Cyrillic or Armenian script into a lowercase ASCII slug.
 */
public final class Slugs {

    private static final int MAX_LENGTH = 80;

    private static final Map<Character, String> CYRILLIC = Map.ofEntries(
            Map.entry('а', "a"), Map.entry('б', "b"), Map.entry('в', "v"), Map.entry('г', "g"), Map.entry('д', "d"),
            Map.entry('е', "e"), Map.entry('ё', "yo"), Map.entry('ж', "zh"), Map.entry('з', "z"), Map.entry('и', "i"),
            Map.entry('й', "y"), Map.entry('к', "k"), Map.entry('л', "l"), Map.entry('м', "m"), Map.entry('н', "n"),
            Map.entry('о', "o"), Map.entry('п', "p"), Map.entry('р', "r"), Map.entry('с', "s"), Map.entry('т', "t"),
            Map.entry('у', "u"), Map.entry('ф', "f"), Map.entry('х', "kh"), Map.entry('ц', "ts"), Map.entry('ч', "ch"),
            Map.entry('ш', "sh"), Map.entry('щ', "shch"), Map.entry('ъ', ""), Map.entry('ы', "y"), Map.entry('ь', ""),
            Map.entry('э', "e"), Map.entry('ю', "yu"), Map.entry('я', "ya"));

    private static final Map<Character, String> ARMENIAN = Map.ofEntries(
            Map.entry('ա', "a"), Map.entry('բ', "b"), Map.entry('գ', "g"), Map.entry('դ', "d"), Map.entry('ե', "e"),
            Map.entry('զ', "z"), Map.entry('է', "e"), Map.entry('ը', "y"), Map.entry('թ', "t"), Map.entry('ժ', "zh"),
            Map.entry('ի', "i"), Map.entry('լ', "l"), Map.entry('խ', "kh"), Map.entry('ծ', "ts"), Map.entry('կ', "k"),
            Map.entry('հ', "h"), Map.entry('ձ', "dz"), Map.entry('ղ', "gh"), Map.entry('ճ', "ch"), Map.entry('մ', "m"),
            Map.entry('յ', "y"), Map.entry('ն', "n"), Map.entry('շ', "sh"), Map.entry('ո', "o"), Map.entry('չ', "ch"),
            Map.entry('պ', "p"), Map.entry('ջ', "j"), Map.entry('ռ', "r"), Map.entry('ս', "s"), Map.entry('վ', "v"),
            Map.entry('տ', "t"), Map.entry('ր', "r"), Map.entry('ց', "ts"), Map.entry('ւ', "v"), Map.entry('փ', "p"),
            Map.entry('ք', "k"), Map.entry('օ', "o"), Map.entry('ֆ', "f"), Map.entry('և', "ev"));

    private Slugs() {
    }

    public static String of(String text) {
        String lower = text == null ? "" : text.toLowerCase(Locale.ROOT).replace("ու", "u");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            String mapped = CYRILLIC.getOrDefault(c, ARMENIAN.get(c));
            if (mapped != null) {
                out.append(mapped);
            } else {
                String plain = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                out.append(plain.matches("[a-z0-9]") ? plain : "-");
            }
        }
        String slug = out.toString().replaceAll("-+", "-").replaceAll("^-|-$", "");
        if (slug.length() > MAX_LENGTH) {
            slug = slug.substring(0, MAX_LENGTH);
            int cut = slug.lastIndexOf('-');
            slug = cut > MAX_LENGTH / 2 ? slug.substring(0, cut) : slug;
        }
        return slug.isEmpty() ? "story" : slug;
    }
}

package news.gazette.transfer;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;

/**
 * What one import did: per kind of item, how many were imported, updated, found unchanged and skipped, and each skip
 * with its reason. Reasons are message keys, so the command and the newsroom show the report in their language.
 */
public final class ImportReport {

    /** The kinds of items an import brings. */
    public enum Kind {
        STORY, PAGE, SECTION, AUTHOR, TAG, IMAGE, REDIRECT;

        String key() {
            return "transfer.kind." + name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happened to one item. */
    enum Outcome {
        IMPORTED, UPDATED, UNCHANGED, SKIPPED
    }

    /** One item left out, and why: {@code reason} is a message key filled with {@code args}. */
    public record Skip(Kind kind, String item, String reason, List<String> args) {

        Skip(Kind kind, String item, String reason, String... args) {
            this(kind, item, reason, List.of(args));
        }
    }

    private final Map<Kind, int[]> counts = new EnumMap<>(Kind.class);
    private final List<Skip> skips = new ArrayList<>();

    void count(Kind kind, Outcome outcome) {
        counts.computeIfAbsent(kind, k -> new int[Outcome.values().length])[outcome.ordinal()]++;
    }

    void skip(Skip skip) {
        count(skip.kind(), Outcome.SKIPPED);
        skips.add(skip);
    }

    /** Records a note on an item that was imported all the same (a dropped shortcode). */
    void note(Skip note) {
        skips.add(note);
    }

    public int count(Kind kind, String outcome) {
        int[] row = counts.get(kind);
        return row == null ? 0 : row[Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)).ordinal()];
    }

    public List<Skip> skips() {
        return List.copyOf(skips);
    }

    /** The report as lines of text in the given language: a line per kind, then a line per skip. */
    public List<String> lines(MessageSource messages, Locale locale) {
        List<String> lines = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int[] row = counts.getOrDefault(kind, new int[Outcome.values().length]);
            lines.add(messages.getMessage("transfer.report.counts", new Object[]{
                    messages.getMessage(kind.key(), null, locale), row[0], row[1], row[2], row[3]}, locale));
        }
        for (Skip skip : skips) {
            String reason = messages.getMessage(skip.reason(), skip.args().toArray(), locale);
            lines.add(messages.getMessage("transfer.report.skip", new Object[]{
                    messages.getMessage(skip.kind().key(), null, locale), skip.item(), reason}, locale));
        }
        return lines;
    }
}

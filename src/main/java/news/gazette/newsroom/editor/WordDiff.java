package news.gazette.newsroom.editor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A word-by-word comparison of two texts, for people: what was taken out and what was put in, the rest as it was.
 */
public final class WordDiff {

    /** Beyond this many words on each side, the two texts are shown as one removal and one insertion. */
    private static final int MAX_WORDS = 4000;

    /** A run of words that both texts share, that only the old one has, or that only the new one has. */
    public record Segment(String kind, String text) {

        public boolean same() {
            return kind.equals("same");
        }

        public boolean removed() {
            return kind.equals("removed");
        }

        public boolean added() {
            return kind.equals("added");
        }
    }

    private WordDiff() {
    }

    static List<Segment> of(String before, String after) {
        String[] a = words(before);
        String[] b = words(after);
        List<Segment> out = new ArrayList<>();
        if (a.length > MAX_WORDS || b.length > MAX_WORDS) {
            add(out, "removed", String.join(" ", a));
            add(out, "added", String.join(" ", b));
            return out;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                add(out, "same", a[i++]);
                j++;
            } else if (common[i + 1][j] >= common[i][j + 1]) {
                add(out, "removed", a[i++]);
            } else {
                add(out, "added", b[j++]);
            }
        }
        while (i < a.length) {
            add(out, "removed", a[i++]);
        }
        while (j < b.length) {
            add(out, "added", b[j++]);
        }
        return out;
    }

    static boolean changed(String before, String after) {
        return !Arrays.equals(words(before), words(after));
    }

    private static void add(List<Segment> out, String kind, String word) {
        if (word.isEmpty()) {
            return;
        }
        if (!out.isEmpty() && out.get(out.size() - 1).kind().equals(kind)) {
            Segment last = out.remove(out.size() - 1);
            out.add(new Segment(kind, last.text() + " " + word));
        } else {
            out.add(new Segment(kind, word));
        }
    }

    private static String[] words(String text) {
        String clean = text == null ? "" : text.strip();
        return clean.isEmpty() ? new String[0] : clean.split("\\s+");
    }
}

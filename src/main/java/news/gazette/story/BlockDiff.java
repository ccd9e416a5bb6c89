package news.gazette.story;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two versions of a story, block by block: the headline and standfirst as two blocks of their
 * own, then the body's paragraphs, headings, lists, quotes, images and embeds. Unchanged blocks are matched by the
 * longest common subsequence; a removed block followed by an added one of the same type is one changed block.
 */
public final class BlockDiff {

    /** What happened to one block. */
    public enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One changed block.
     *
     * @param part   "headline", "standfirst" or the block's type ("paragraph", "heading", "image"…)
     * @param before its text in the recorded revision ("" when added)
     * @param after  its text now ("" when removed)
     */
    public record Change(Kind kind, String part, int position, String before, String after) {
    }

    private BlockDiff() {
    }

    /** The changes from {@code before} to {@code after}, in the order of the story. */
    public static List<Change> between(String headlineBefore, String standfirstBefore, List<Block> before,
                                       String headlineAfter, String standfirstAfter, List<Block> after) {
        List<Change> changes = new ArrayList<>();
        if (!strip(headlineBefore).equals(strip(headlineAfter))) {
            changes.add(new Change(Kind.CHANGED, "headline", 0, strip(headlineBefore), strip(headlineAfter)));
        }
        if (!strip(standfirstBefore).equals(strip(standfirstAfter))) {
            changes.add(new Change(Kind.CHANGED, "standfirst", 0, strip(standfirstBefore), strip(standfirstAfter)));
        }
        changes.addAll(blocks(before, after));
        return changes;
    }

    static List<Change> blocks(List<Block> before, List<Block> after) {
        int n = before.size();
        int m = after.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = before.get(i).equals(after.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Change> raw = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && before.get(i).equals(after.get(j))) {
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                raw.add(new Change(Kind.REMOVED, type(before.get(i)), j + 1, text(before.get(i)), ""));
                i++;
            } else {
                raw.add(new Change(Kind.ADDED, type(after.get(j)), j + 1, "", text(after.get(j))));
                j++;
            }
        }
        return paired(raw);
    }

    /** A removal next to an addition of the same type at the same place is a change of that block. */
    private static List<Change> paired(List<Change> raw) {
        List<Change> out = new ArrayList<>();
        for (int k = 0; k < raw.size(); k++) {
            Change c = raw.get(k);
            if (k + 1 < raw.size()) {
                Change next = raw.get(k + 1);
                boolean pair = c.kind() != next.kind() && c.kind() != Kind.CHANGED && next.kind() != Kind.CHANGED
                        && c.part().equals(next.part()) && c.position() == next.position();
                if (pair) {
                    Change removed = c.kind() == Kind.REMOVED ? c : next;
                    Change added = c.kind() == Kind.ADDED ? c : next;
                    out.add(new Change(Kind.CHANGED, c.part(), added.position(), removed.before(), added.after()));
                    k++;
                    continue;
                }
            }
            out.add(c);
        }
        return out;
    }

    /** The block's type as the message bundles name it. */
    static String type(Block block) {
        if (block instanceof Block.Paragraph) {
            return "paragraph";
        }
        if (block instanceof Block.Heading) {
            return "heading";
        }
        if (block instanceof Block.ListBlock) {
            return "list";
        }
        if (block instanceof Block.Quote) {
            return "quote";
        }
        return block instanceof Block.Image ? "image" : "embed";
    }

    /** What a person reads of the block, without markup. */
    static String text(Block block) {
        if (block instanceof Block.Paragraph p) {
            return plain(p.html());
        }
        if (block instanceof Block.Heading h) {
            return h.text();
        }
        if (block instanceof Block.ListBlock l) {
            return String.join(" · ", l.items().stream().map(BlockDiff::plain).toList());
        }
        if (block instanceof Block.Quote q) {
            return plain(q.html());
        }
        if (block instanceof Block.Image image) {
            return String.join(" · ", List.of("#" + image.mediaId(), nz(image.alt()), nz(image.caption())).stream()
                    .filter(s -> !s.isBlank()).toList());
        }
        return ((Block.Embed) block).url();
    }

    private static String plain(String html) {
        return org.jsoup.Jsoup.parse(html == null ? "" : html).text();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}

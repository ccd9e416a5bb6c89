package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The source's difference block by block: unchanged blocks are skipped, edits paired, moves seen as remove + add. */
class BlockDiffTest {

    private static final Block A = new Block.Paragraph("<p>A <b>first</b> one.</p>");
    private static final Block B = new Block.Heading(2, "Traffic");
    private static final Block C = new Block.Paragraph("Buses change routes.");
    private static final Block IMAGE = new Block.Image(7, "A bridge", "The new bridge", "Ann");

    @Test
    void nothingChangedIsNoChange() {
        assertThat(BlockDiff.between("H", "S", List.of(A, B, C), "H", "S", List.of(A, B, C))).isEmpty();
    }

    @Test
    void anEditedParagraphIsOneChangedBlockAndTheRestIsLeftOut() {
        Block edited = new Block.Paragraph("Buses keep their routes.");
        List<BlockDiff.Change> changes = BlockDiff.between("H", "S", List.of(A, B, C), "H2", "S", List.of(A, B, edited));
        assertThat(changes).containsExactly(
                new BlockDiff.Change(BlockDiff.Kind.CHANGED, "headline", 0, "H", "H2"),
                new BlockDiff.Change(BlockDiff.Kind.CHANGED, "paragraph", 3, "Buses change routes.", "Buses keep their routes."));
    }

    @Test
    void addedRemovedAndImageTextsAreTold() {
        Block recaptioned = new Block.Image(7, "A bridge", "The bridge at night", "Ann");
        List<BlockDiff.Change> changes = BlockDiff.between("H", "S", List.of(A, B, IMAGE), "H", "S2",
                List.of(B, recaptioned, C));
        assertThat(changes).extracting(BlockDiff.Change::kind, BlockDiff.Change::part).containsExactly(
                org.assertj.core.groups.Tuple.tuple(BlockDiff.Kind.CHANGED, "standfirst"),
                org.assertj.core.groups.Tuple.tuple(BlockDiff.Kind.REMOVED, "paragraph"),
                org.assertj.core.groups.Tuple.tuple(BlockDiff.Kind.CHANGED, "image"),
                org.assertj.core.groups.Tuple.tuple(BlockDiff.Kind.ADDED, "paragraph"));
        assertThat(changes.get(1).before()).isEqualTo("A first one.");
        assertThat(changes.get(2).after()).isEqualTo("#7 · A bridge · The bridge at night");
    }
}

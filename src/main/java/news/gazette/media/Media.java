package news.gazette.media;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A stored image: its content-hashed file name, its size, what it shows, and the widths of its narrower variants.
 *
 * @param alt           the text a screen reader speaks for it; {@code null} until someone writes it
 * @param variantWidths widths of the variants made for {@code srcset}, narrowest first; all narrower than the image
 * @param byteSize      the stored original's size in bytes
 */
public record Media(long id, String fileName, String contentType, int width, int height, String alt, String caption,
                    String credit, String uploadedBy, Instant uploadedAt, String originalName,
                    List<Integer> variantWidths, long byteSize) {

    /** An image may be placed in a story only once it has alt text. */
    public boolean usable() {
        return alt != null && !alt.isBlank();
    }

    /** The file name of the variant of this width: the original's name with {@code -<width>w} before the extension. */
    public String variantFileName(int variantWidth) {
        return variantName(fileName, variantWidth);
    }

    /** The height of this image scaled to {@code atWidth}, as its variants are made. */
    public int heightAt(int atWidth) {
        return heightAt(width, height, atWidth);
    }

    /** The height an image of {@code width} × {@code height} has when scaled to {@code atWidth}, at least 1. */
    static int heightAt(int width, int height, int atWidth) {
        return Math.max(1, (int) Math.round((double) height * atWidth / width));
    }

    static String variantName(String fileName, int width) {
        int dot = fileName.lastIndexOf('.');
        return fileName.substring(0, dot) + "-" + width + "w" + fileName.substring(dot);
    }

    /**
     * The {@code srcset} of this image: every variant, narrowest first, then the original, each with its width.
     *
     * @param address how a file name becomes an address
     */
    public String srcset(UnaryOperator<String> address) {
        StringBuilder srcset = new StringBuilder();
        for (int w : variantWidths) {
            srcset.append(address.apply(variantFileName(w))).append(' ').append(w).append("w, ");
        }
        return srcset.append(address.apply(fileName)).append(' ').append(width).append('w').toString();
    }

    /** Every file of this image: its variants, narrowest first, then the original. */
    public List<String> fileNames() {
        List<String> names = new java.util.ArrayList<>(variantWidths.stream().map(this::variantFileName).toList());
        names.add(fileName);
        return names;
    }

    /** The narrowest variant at least this wide, or the original when none is. */
    public String fileNameFor(int wanted) {
        return variantWidths.stream().filter(w -> w >= wanted).findFirst().map(this::variantFileName).orElse(fileName);
    }
}

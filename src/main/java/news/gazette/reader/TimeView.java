package news.gazette.reader;

/**
 * A moment as a reader sees it ({@code text}) and as machines read it ({@code iso}, for {@code <time datetime>}).
 */
public record TimeView(String iso, String text) {
}

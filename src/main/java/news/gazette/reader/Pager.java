package news.gazette.reader;

/**
 * Where a paginated list stands; links keep the base path and add {@code page}.
 */
public record Pager(int page, int pages, String previousHref, String nextHref) {

    static final int PAGE_SIZE = 12;

    static Pager of(String basePath, int page, long total) {
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        String joiner = basePath.contains("?") ? "&" : "?";
        String previous = page <= 1 ? null : page == 2 ? basePath : basePath + joiner + "page=" + (page - 1);
        String next = page >= pages ? null : basePath + joiner + "page=" + (page + 1);
        return new Pager(page, pages, previous, next);
    }

    public boolean needed() {
        return pages > 1;
    }

    static int offset(int page) {
        return (page - 1) * PAGE_SIZE;
    }
}

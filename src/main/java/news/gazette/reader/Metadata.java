package news.gazette.reader;

import java.util.List;

/**
 * What a page tells search engines and link previews: its language alternates, Open Graph and X card fields, and
 * structured data (JSON-LD, already escaped for a {@code <script>} data block).
 *
 * @param image absolute address of the preview image, or {@code null}
 */
public record Metadata(List<Alternate> alternates, String type, String image, String imageAlt, String published,
                       String modified, String section, List<String> tags, String jsonLd) {

    static final Metadata NONE = new Metadata(List.of(), "website", null, null, null, null, null, List.of(), null);

    /** The same page in another language ({@code x-default} for the page that lets readers choose). */
    public record Alternate(String hreflang, String href) {
    }
}

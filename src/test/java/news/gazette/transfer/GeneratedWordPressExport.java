package news.gazette.transfer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a WordPress export of any size: one author, one category, and as many posts as asked, each about as long. */
final class GeneratedWordPressExport {

    private GeneratedWordPressExport() {
    }

    /**
     * @param posts     how many posts
     * @param bodyChars about how many characters each post's body has (Cyrillic words, two bytes each in UTF-8)
     */
    static Path write(Path file, int posts, int bodyChars) throws IOException {
        try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                1 << 16)) {
            out.write("""
                    <?xml version="1.0" encoding="UTF-8" ?>
                    <rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
                     xmlns:wp="http://wordpress.org/export/1.2/">
                    <channel><title>Generated</title><link>https://generated.example</link>
                    <wp:wxr_version>1.2</wp:wxr_version><wp:base_site_url>https://generated.example</wp:base_site_url>
                    <wp:author><wp:author_login><![CDATA[nora]]></wp:author_login><wp:author_display_name><![CDATA[Nora Vance]]></wp:author_display_name></wp:author>
                    <wp:category><wp:category_nicename><![CDATA[coast]]></wp:category_nicename><wp:cat_name><![CDATA[Coast]]></wp:cat_name></wp:category>
                    """);
            String paragraph = "<p>Паром вышел из северной гавани на рассвете, на три недели позже, чем обещали.</p>\n";
            for (int n = 1; n <= posts; n++) {
                out.write("<item><title><![CDATA[Generated story " + n + "]]></title>"
                        + "<link>https://generated.example/" + n + "/</link><dc:creator><![CDATA[nora]]></dc:creator>"
                        + "<content:encoded><![CDATA[");
                for (int written = 0; written < bodyChars; written += paragraph.length()) {
                    out.write(paragraph);
                }
                out.write("]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>"
                        + "<wp:post_id>" + n + "</wp:post_id><wp:post_date_gmt><![CDATA[2024-03-05 09:15:00]]></wp:post_date_gmt>"
                        + "<wp:status><![CDATA[publish]]></wp:status><wp:post_type><![CDATA[post]]></wp:post_type>"
                        + "<category domain=\"category\" nicename=\"coast\"><![CDATA[Coast]]></category></item>\n");
            }
            out.write("</channel></rss>\n");
        }
        return file;
    }
}

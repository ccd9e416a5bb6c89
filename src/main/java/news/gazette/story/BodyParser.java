package news.gazette.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.springframework.web.util.HtmlUtils;

/**
 * Reads the HTML an editor (or an import) sends into {@link Block}s: paragraphs, headings, lists, quotations, images
 * and embeds; everything else is dropped or unwrapped. Inline markup goes through {@link StoryBodyPolicy}.
 */
final class BodyParser {

    /** Elements whose content is never text of the story. */
    private static final Set<String> DROPPED = Set.of("script", "style", "iframe", "object", "embed", "template",
            "noscript", "svg", "math", "head", "title", "textarea", "select", "button", "input", "form", "frameset",
            "frame", "applet", "base", "link", "meta", "video", "audio", "canvas", "img", "picture", "source", "hr",
            "xmp", "noembed", "noframes", "plaintext");
    /** Elements that only group other blocks. */
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "footer",
            "aside", "body", "center", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "dl", "dd", "dt",
            "details", "summary", "nav", "address", "html");
    private static final Set<String> PARAGRAPHS = Set.of("p", "pre", "caption");
    private BodyParser() {
    }

    /** The blocks of a body written as HTML. */
    static List<Block> parse(String html) {
        List<Block> blocks = new ArrayList<>();
        StringBuilder loose = new StringBuilder();
        var document = Jsoup.parseBodyFragment(html == null ? "" : html);
        // Whitespace as written: pretty-printing would change the text on every parse.
        document.outputSettings().prettyPrint(false);
        walk(document.body(), blocks, loose);
        flush(loose, blocks);
        return blocks;
    }

    private static void walk(Element container, List<Block> blocks, StringBuilder loose) {
        for (Node node : container.childNodes()) {
            if (node instanceof TextNode text) {
                loose.append(HtmlUtils.htmlEscape(text.getWholeText()));
                continue;
            }
            if (!(node instanceof Element element)) {
                continue;
            }
            String tag = element.normalName();
            if (DROPPED.contains(tag)) {
                continue;
            }
            if (CONTAINERS.contains(tag)) {
                flush(loose, blocks);
                walk(element, blocks, loose);
                flush(loose, blocks);
            } else if (PARAGRAPHS.contains(tag)) {
                flush(loose, blocks);
                paragraph(element.html(), blocks);
            } else if (tag.matches("h[1-6]")) {
                flush(loose, blocks);
                String text = element.text().strip();
                if (!text.isEmpty()) {
                    blocks.add(new Block.Heading(tag.compareTo("h2") <= 0 ? 2 : 3, text));
                }
            } else if (tag.equals("ul") || tag.equals("ol")) {
                flush(loose, blocks);
                list(element, blocks);
            } else if (tag.equals("blockquote")) {
                flush(loose, blocks);
                quote(element, blocks);
            } else if (tag.equals("figure")) {
                flush(loose, blocks);
                figure(element, blocks);
            } else {
                loose.append(element.outerHtml());
            }
        }
    }

    private static void flush(StringBuilder loose, List<Block> blocks) {
        if (!loose.isEmpty()) {
            paragraph(loose.toString(), blocks);
            loose.setLength(0);
        }
    }

    private static void paragraph(String html, List<Block> blocks) {
        String inline = inline(html);
        if (!inline.isEmpty()) {
            blocks.add(new Block.Paragraph(inline));
        }
    }

    /** Sanitized inline markup without leading or trailing line breaks; empty when there is no text. */
    private static String inline(String html) {
        String clean = StoryBodyPolicy.sanitizeInline(html).strip();
        clean = clean.replaceAll("^(<br />\\s*)+|(\\s*<br />)+$", "").strip();
        return Jsoup.parseBodyFragment(clean).text().isBlank() ? "" : clean;
    }

    private static void list(Element list, List<Block> blocks) {
        List<String> items = new ArrayList<>();
        for (Element li : list.children()) {
            if (li.normalName().equals("li")) {
                String item = inline(htmlWithout(li, "ul", "ol"));
                if (!item.isEmpty()) {
                    items.add(item);
                }
            }
        }
        if (!items.isEmpty()) {
            blocks.add(new Block.ListBlock(list.normalName().equals("ol"), items));
        }
    }

    /** The inner HTML of an element without its children of the given kinds. */
    private static String htmlWithout(Element element, String... tags) {
        Set<String> left = Set.of(tags);
        StringBuilder html = new StringBuilder();
        for (Node child : element.childNodes()) {
            if (!(child instanceof Element e && left.contains(e.normalName()))) {
                html.append(child.outerHtml());
            }
        }
        return html.toString();
    }

    private static void quote(Element quote, List<Block> blocks) {
        List<String> parts = new ArrayList<>();
        for (Element p : quote.select("p")) {
            parts.add(p.html());
        }
        String html = parts.isEmpty() ? quote.html() : String.join("<br>", parts);
        String inline = inline(html);
        if (!inline.isEmpty()) {
            blocks.add(new Block.Quote(inline));
        }
    }

    private static void figure(Element figure, List<Block> blocks) {
        String mediaId = figure.attr("data-media-id");
        if (mediaId.matches("[0-9]{1,18}")) {
            Element img = figure.selectFirst("img");
            Element caption = figure.selectFirst("figcaption");
            String credit = "";
            String captionText = "";
            if (caption != null) {
                Element cite = caption.selectFirst("cite");
                credit = cite == null ? "" : cite.text().strip();
                captionText = Jsoup.parseBodyFragment(htmlWithout(caption, "cite")).text().strip();
            }
            blocks.add(new Block.Image(Long.parseLong(mediaId), img == null ? "" : img.attr("alt").strip(),
                    captionText, credit));
            return;
        }
        for (Element link : figure.select("a[href]")) {
            var embed = Embeds.recognize(link.attr("href"));
            if (embed.isPresent()) {
                blocks.add(embed.get());
                return;
            }
        }
        paragraph(figure.text(), blocks);
    }
}

package news.gazette.transfer;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.media.Media;
import news.gazette.platform.text.XmlText;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Prepares a source body for the story allowlist: WordPress block comments go, {@code [caption]} shortcodes become
 * figures, other shortcodes are dropped (their enclosed text kept) and named, classic-editor line breaks become
 * paragraphs, and the uploaded images the body shows are listed. The allowlist itself runs when the story is stored.
 */
final class ImportBodies {

    /** Shortcodes WordPress itself registers; any other bracketed word counts only with attributes or a closing tag. */
    private static final Set<String> CORE_SHORTCODES = Set.of("gallery", "embed", "audio", "video", "playlist", "caption",
            "wp_caption");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern CAPTION = Pattern.compile(
            "\\[(?:wp_)?caption([^\\]]*)\\](.*?)\\[/(?:wp_)?caption\\]", Pattern.DOTALL);
    private static final Pattern CAPTION_ATTRIBUTE = Pattern.compile("caption=\"([^\"]*)\"");
    private static final Pattern IMG = Pattern.compile("<img\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMG_SRC = Pattern.compile("<img\\b[^>]*?\\bsrc\\s*=\\s*[\"']([^\"']+)[\"']",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern SHORTCODE = Pattern.compile("\\[(/?)([a-z][a-z0-9_-]*)((?:\\s[^\\]]*)?)/?\\]");
    private static final Pattern BLOCK = Pattern.compile("<(p|div|h[1-6]|ul|ol|blockquote|figure|table)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-z]{2,6});");

    /** A prepared body: the HTML, the shortcodes dropped, and the upload paths of the images it showed. */
    record Body(String html, Set<String> droppedShortcodes, List<String> imagePaths) {
    }

    private ImportBodies() {
    }

    static Body wordpress(String html) {
        String text = COMMENT.matcher(html == null ? "" : XmlText.clean(html)).replaceAll("");
        List<String> images = images(text, "/wp-content/uploads/");
        text = captions(text);
        Set<String> dropped = new LinkedHashSet<>();
        text = shortcodes(text, dropped);
        if (!BLOCK.matcher(text).find()) {
            text = paragraphs(text);
        }
        return new Body(text, dropped, images);
    }

    static Body ghost(String html) {
        String text = COMMENT.matcher(html == null ? "" : XmlText.clean(html)).replaceAll("");
        return new Body(text, Set.of(), images(text, "/content/images/"));
    }

    /**
     * The path of an uploaded file inside the uploads folder, from its address on the old site: what follows
     * {@code marker}, URL-decoded, without a query; {@code null} when the address is not an upload of that site.
     */
    /** Where a format keeps its uploaded images, as it appears in their addresses. */
    static String uploadsMarker(ImportFormat format) {
        return format == ImportFormat.WORDPRESS ? "/wp-content/uploads/" : "/content/images/";
    }

    /**
     * Points the body's images at the library: each image the import stored becomes a library figure (the form the
     * story editor writes), its caption kept; an image standing inside a paragraph moves to a figure after it.
     * Images the import did not store are left for the body policy, which drops foreign addresses.
     */
    static String withLibraryImages(String html, String marker, Map<String, Media> stored) {
        Document doc = Jsoup.parseBodyFragment(html);
        for (Element img : doc.body().select("img")) {
            String path = uploadPath(img.attr("src"), marker);
            Media media = path == null ? null : stored.get(path);
            if (media == null) {
                continue;
            }
            Element parent = img.parent();
            Element figure;
            if (parent != null && parent.nameIs("figure")) {
                figure = parent;
            } else {
                figure = new Element("figure");
                Element host = parent == null || parent == doc.body() ? img : parent;
                host.after(figure);
                figure.appendChild(img);
            }
            figure.attr("class", "story-image").attr("data-media-id", String.valueOf(media.id()));
            img.attr("src", "/media/" + media.fileName());
        }
        return doc.body().html();
    }

    static String uploadPath(String url, String marker) {
        if (url == null) {
            return null;
        }
        int at = url.indexOf(marker);
        if (at < 0) {
            return null;
        }
        String path = url.substring(at + marker.length());
        int query = path.indexOf('?');
        path = query < 0 ? path : path.substring(0, query);
        if (path.startsWith("size/")) {
            // Ghost serves resized copies under size/wNNN/; the original sits at the rest of the path.
            int next = path.indexOf('/', "size/".length());
            path = next < 0 ? path : path.substring(next + 1);
        }
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return path.isEmpty() ? null : path;
    }

    /** Text without tags, with the character references WordPress and Ghost write turned back into characters. */
    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll("");
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("#x") || name.startsWith("#X")) {
                replacement = codePoint(name.substring(2), 16, m.group());
            } else if (name.startsWith("#")) {
                replacement = codePoint(name.substring(1), 10, m.group());
            } else {
                replacement = switch (name) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    case "nbsp" -> "\u00a0";
                    default -> m.group();
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return XmlText.line(out.toString()).replaceAll("\\s+", " ").trim();
    }

    private static String codePoint(String digits, int radix, String original) {
        try {
            int code = Integer.parseInt(digits, radix);
            return Character.isValidCodePoint(code) && code != 0 ? new String(Character.toChars(code)) : "";
        } catch (NumberFormatException tooLong) {
            return original;
        }
    }

    private static List<String> images(String html, String marker) {
        List<String> paths = new ArrayList<>();
        Matcher m = IMG_SRC.matcher(html);
        while (m.find()) {
            String path = uploadPath(m.group(1), marker);
            if (path != null && !paths.contains(path)) {
                paths.add(path);
            }
        }
        return paths;
    }

    private static String captions(String html) {
        Matcher m = CAPTION.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String inner = m.group(2);
            Matcher attribute = CAPTION_ATTRIBUTE.matcher(m.group(1));
            String caption = attribute.find() ? attribute.group(1) : IMG.matcher(inner).replaceAll("").trim();
            StringBuilder image = new StringBuilder();
            Matcher img = IMG.matcher(inner);
            if (img.find()) {
                image.append(img.group());
            }
            m.appendReplacement(out, Matcher.quoteReplacement(
                    "<figure>" + image + "<figcaption>" + caption + "</figcaption></figure>"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shortcodes(String html, Set<String> dropped) {
        Matcher m = SHORTCODE.matcher(html);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(2);
            boolean closing = !m.group(1).isEmpty();
            boolean isShortcode = CORE_SHORTCODES.contains(name) || closing || m.group(3).contains("=")
                    || html.contains("[/" + name + "]");
            if (isShortcode) {
                dropped.add(name);
                m.appendReplacement(out, "");
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The classic editor stores paragraphs as blank-line-separated text; WordPress adds the tags when it shows them. */
    private static String paragraphs(String text) {
        StringBuilder out = new StringBuilder();
        for (String part : text.replace("\r\n", "\n").split("\n\\s*\n")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                out.append("<p>").append(trimmed.replace("\n", "<br>")).append("</p>\n");
            }
        }
        return out.toString();
    }
}

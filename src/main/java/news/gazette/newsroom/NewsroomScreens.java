package news.gazette.newsroom;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Editions;
import news.gazette.platform.Templates;
import news.gazette.platform.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What every newsroom screen needs: the texts in the language the account's browser asks for, and a page rendered
 * with the stylesheet, never kept by any cache. (NewsroomPages still has its own copy; it can move here.)
 */
@Component
class NewsroomScreens {

    private final Templates templates;
    private final MessageSource messages;
    private final Editions editions;
    private final ResourceUrlProvider assets;

    NewsroomScreens(Templates templates, MessageSource messages, Editions editions, ResourceUrlProvider assets) {
        this.templates = templates;
        this.messages = messages;
        this.editions = editions;
        this.assets = assets;
    }

    ResponseEntity<byte[]> page(HttpStatusCode status, String template, Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        String css = assets.getForLookupPath("/assets/css/site.css");
        all.put("css", css == null ? "/assets/css/site.css" : css);
        return ResponseEntity.status(status).contentType(Templates.HTML).cacheControl(CacheControl.noStore())
                .body(templates.render(template, all));
    }

    Texts texts(HttpServletRequest request) {
        return new Texts(messages, editions.bestFor(languages(request)).locale());
    }

    String lang(HttpServletRequest request) {
        return editions.bestFor(languages(request)).language();
    }

    private static List<Locale.LanguageRange> languages(HttpServletRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        try {
            return accept == null ? List.of() : Locale.LanguageRange.parse(accept);
        } catch (IllegalArgumentException malformed) {
            return List.of();
        }
    }
}

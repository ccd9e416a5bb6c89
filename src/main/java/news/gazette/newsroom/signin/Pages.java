package news.gazette.newsroom.signin;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Editions;
import news.gazette.platform.Templates;
import news.gazette.platform.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/** The sign-in screens' pages: texts in the reader's language, the stylesheet, never kept by a cache. */
@Component
class Pages {

    private final Templates templates;
    private final MessageSource messages;
    private final Editions editions;
    private final ResourceUrlProvider assets;

    Pages(Templates templates, MessageSource messages, Editions editions, ResourceUrlProvider assets) {
        this.templates = templates;
        this.messages = messages;
        this.editions = editions;
        this.assets = assets;
    }

    Texts texts(HttpServletRequest request) {
        return new Texts(messages, editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).locale());
    }

    ResponseEntity<byte[]> page(HttpStatusCode status, String template, HttpServletRequest request,
                                Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("t", texts(request));
        all.put("lang", editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).language());
        all.put("css", asset("/assets/css/site.css"));
        return ResponseEntity.status(status).contentType(Templates.HTML).cacheControl(CacheControl.noStore())
                .body(templates.render(template, all));
    }

    /** A short page saying what happened, with a link on. */
    ResponseEntity<byte[]> message(HttpStatus status, HttpServletRequest request, String heading, String message) {
        return page(status, "newsroom/signin/message.jte", request, Map.of("heading", heading, "message", message));
    }

    String asset(String path) {
        String versioned = assets.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }

    static <T> ResponseEntity<T> seeOther(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }
}

package news.gazette.reader;

import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.newsletter.InvalidSubscriptionException;
import news.gazette.newsletter.Newsletters;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.text.Texts;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The newsletter's pages on the reader site, all without JavaScript and kept by no cache: the subscribe form's
 * answer (the same for any address), the confirmation and unsubscribe links from the mail (each a page with a button,
 * so a mail scanner following links changes nothing), and the RFC 8058 one-click POST, which unsubscribes at once.
 * These addresses carry no session and so no CSRF token (pages with the form are cached for everyone); a subscribe
 * posted from another site is refused by its {@code Sec-Fetch-Site} or {@code Origin}, and the other actions need a
 * token only the mail holds.
 */
@RestController
class NewsletterPages {

    private final Newsletters newsletters;
    private final Editions editions;
    private final ReaderViews views;
    private final Renderer renderer;

    NewsletterPages(Newsletters newsletters, Editions editions, ReaderViews views, Renderer renderer) {
        this.newsletters = newsletters;
        this.editions = editions;
        this.views = views;
        this.renderer = renderer;
    }

    @PostMapping("/newsletter/{edition}/subscribe")
    ResponseEntity<byte[]> subscribe(@PathVariable String edition, HttpServletRequest request,
                                     @RequestParam(defaultValue = "") String address,
                                     @RequestParam(defaultValue = "false") boolean digest,
                                     @RequestParam(defaultValue = "false") boolean breaking) {
        Edition chosen = editions.find(edition).orElseThrow(() -> new PageNotFoundException(edition));
        if (crossSite(request)) {
            return page(chosen, HttpStatus.FORBIDDEN, "newsletter.refused.title", "newsletter.refused.message", null, null, null);
        }
        try {
            newsletters.subscribe(chosen.code(), address, digest, breaking);
        } catch (InvalidSubscriptionException e) {
            return page(chosen, HttpStatus.BAD_REQUEST, "newsletter.invalid.title", e.messageKey(), null, null, null);
        }
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(java.net.URI.create("/newsletter/" + chosen.code() + "/sent"))
                .cacheControl(CacheControl.noStore()).build();
    }

    @GetMapping("/newsletter/{edition}/sent")
    ResponseEntity<byte[]> sent(@PathVariable String edition) {
        Edition chosen = editions.find(edition).orElseThrow(() -> new PageNotFoundException(edition));
        return page(chosen, HttpStatus.OK, "newsletter.sent.title", "newsletter.sent.message", null, null, null);
    }

    @GetMapping("/newsletter/confirm")
    ResponseEntity<byte[]> confirmPage(@RequestParam(name = "t", defaultValue = "") String token, HttpServletRequest request) {
        Optional<String> edition = newsletters.confirmable(token);
        if (edition.isEmpty()) {
            return expired(request);
        }
        return page(edition(edition.get()), HttpStatus.OK, "newsletter.confirm.title", "newsletter.confirm.message",
                "/newsletter/confirm", token, "newsletter.confirm.button");
    }

    @PostMapping("/newsletter/confirm")
    ResponseEntity<byte[]> confirm(@RequestParam(name = "t", defaultValue = "") String token, HttpServletRequest request) {
        return newsletters.confirm(token)
                .map(edition -> page(edition(edition), HttpStatus.OK, "newsletter.confirmed.title",
                        "newsletter.confirmed.message", null, null, null))
                .orElseGet(() -> expired(request));
    }

    @GetMapping("/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribePage(@RequestParam(name = "t", defaultValue = "") String token,
                                           HttpServletRequest request) {
        Optional<String> edition = newsletters.unsubscribable(token);
        if (edition.isEmpty()) {
            return page(fallback(request), HttpStatus.OK, "newsletter.unsubscribed.title",
                    "newsletter.unsubscribed.message", null, null, null);
        }
        return page(edition(edition.get()), HttpStatus.OK, "newsletter.unsubscribe.title",
                "newsletter.unsubscribe.message", "/newsletter/unsubscribe", token, "newsletter.unsubscribe.button");
    }

    /**
     * The page's button and RFC 8058's one-click POST ({@code List-Unsubscribe=One-Click} in the body, the token in
     * the address): unsubscribed at once. A link already used answers the same, so a second click is no error.
     */
    @PostMapping("/newsletter/unsubscribe")
    ResponseEntity<byte[]> unsubscribe(@RequestParam(name = "t", defaultValue = "") String token,
                                       HttpServletRequest request) {
        Edition edition = newsletters.unsubscribe(token).map(this::edition).orElseGet(() -> fallback(request));
        return page(edition, HttpStatus.OK, "newsletter.unsubscribed.title", "newsletter.unsubscribed.message",
                null, null, null);
    }

    /** From another site, by what the browser says: {@code Sec-Fetch-Site}, else {@code Origin} against the host. */
    static boolean crossSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return !fetchSite.equals("same-origin") && !fetchSite.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null || origin.equals("null")) {
            return origin != null;
        }
        try {
            java.net.URI uri = java.net.URI.create(origin);
            return uri.getHost() == null || !uri.getHost().equalsIgnoreCase(request.getServerName());
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    private ResponseEntity<byte[]> expired(HttpServletRequest request) {
        return page(fallback(request), HttpStatus.NOT_FOUND, "newsletter.expired.title", "newsletter.expired.message",
                null, null, null);
    }

    private Edition edition(String code) {
        return editions.find(code).orElseGet(editions::defaultEdition);
    }

    private Edition fallback(HttpServletRequest request) {
        return editions.bestFor(request.getHeader("Accept-Language"));
    }

    private ResponseEntity<byte[]> page(Edition edition, HttpStatusCode status, String title, String message,
                                        String action, String token, String button) {
        Texts t = views.texts(edition);
        Chrome chrome = views.chrome(edition, t, t.get(title), null, "/" + edition.code() + "/", null, Map.of(), null);
        java.util.HashMap<String, Object> params = new java.util.HashMap<>();
        params.put("chrome", chrome);
        params.put("t", t);
        params.put("heading", t.get(title));
        params.put("message", t.get(message));
        params.put("action", action);
        params.put("token", token);
        params.put("button", button == null ? null : t.get(button));
        ResponseEntity<byte[]> answer = renderer.page(status, "newsletter.jte", params);
        return ResponseEntity.status(status).headers(answer.getHeaders()).cacheControl(CacheControl.noStore())
                .header("X-Robots-Tag", "noindex").body(answer.getBody());
    }
}

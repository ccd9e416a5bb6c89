package news.gazette.newsroom;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Accounts;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.SecurityConfiguration;
import news.gazette.platform.web.Templates;
import news.gazette.account.Account;
import news.gazette.account.Role;
import news.gazette.platform.text.Texts;
import news.gazette.story.StoryActor;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * What every newsroom screen needs: its texts in the reader's language, the edition it is about, the account acting,
 * and a rendered page that no cache keeps; for the story editor's pages, the one Content-Security-Policy relaxation
 * the rich-text editor needs (ADR 11).
 */
@Component
public class Screens {

    /**
     * The baseline policy with inline styles allowed: TinyMCE positions its menus and dialogs and marks up the text
     * being edited with style attributes. Scripts stay {@code 'self'} only. Sent only with the editor's own pages.
     */
    public static final String EDITOR_POLICY = SecurityConfiguration.CONTENT_SECURITY_POLICY
            .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
            .replace("img-src 'self' data:", "img-src 'self' data: blob:");

    /** The newsroom's own stylesheet (ADR 90); the reader site's {@code site.css} is not used by any newsroom screen. */
    public static final String STYLESHEET = "/assets/css/newsroom.css";

    private final Templates templates;
    private final MessageSource messages;
    private final Editions editions;
    private final ResourceUrlProvider assets;
    private final Accounts accounts;
    private final NewsroomLocales locales;

    public Screens(Templates templates, MessageSource messages, Editions editions, ResourceUrlProvider assets,
            Accounts accounts, NewsroomLocales locales) {
        this.locales = locales;
        this.templates = templates;
        this.messages = messages;
        this.editions = editions;
        this.assets = assets;
        this.accounts = accounts;
    }

    /** The newsroom's texts in the account's language, else the browser's ({@link NewsroomLocales}). */
    public Texts texts(HttpServletRequest request) {
        return new Texts(messages, locales.resolveLocale(request));
    }

    public String lang(HttpServletRequest request) {
        return locales.resolveLocale(request).getLanguage();
    }

    /** The edition a screen is about: the one named, or the best for the reader's languages. */
    public Edition edition(String code, HttpServletRequest request) {
        return code == null ? editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE))
                : editions.find(code).orElseThrow(() -> new PageNotFoundException("No edition " + code));
    }

    public List<String> editionCodes() {
        return editions.all().stream().map(Edition::code).toList();
    }

    /** The account behind the request; an account that no longer exists may do nothing. */
    /**
     * The account behind the request as the story module knows actors: its role is the one the security layer granted
     * the request (session or API token), its id the account's when it has one.
     */
    public StoryActor storyActor(HttpServletRequest request) {
        Principal who = request.getUserPrincipal();
        Role role = null;
        for (Role candidate : Role.values()) {
            if (request.isUserInRole(candidate.name())) {
                role = candidate;
            }
        }
        if (who == null || role == null) {
            throw Refusal.forbidden();
        }
        long id = accounts.byEmail(who.getName()).map(Account::id).orElse(0L);
        return new StoryActor(id, who.getName(), role, request.getRemoteAddr());
    }

    public Actor actor(Principal who, HttpServletRequest request) {
        return new Actor(accounts.byEmail(who.getName()).orElseThrow(Refusal::forbidden), request.getRemoteAddr());
    }

    public ResponseEntity<byte[]> page(HttpStatus status, String template, HttpServletRequest request,
                                Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("t", texts(request));
        all.put("lang", lang(request));
        return page(status, template, all, false);
    }

    /**
     * A page from parameters that already hold its texts; {@code editor} sends the editor's policy with it.
     */
    public ResponseEntity<byte[]> page(HttpStatusCode status, String template, Map<String, Object> params, boolean editor) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("css", asset(STYLESHEET));
        var response = ResponseEntity.status(status).contentType(Templates.HTML).cacheControl(CacheControl.noStore());
        if (editor) {
            response.header("Content-Security-Policy", EDITOR_POLICY);
        }
        return response.body(templates.render(template, all));
    }

    /** A short localized page saying why a request was refused. */
    public ResponseEntity<byte[]> message(HttpServletRequest request, HttpStatus status, String key) {
        Texts t = texts(request);
        return page(status, "newsroom/message.jte", Map.of("t", t, "lang", lang(request),
                "heading", t.get("newsroom.error." + status.value()), "message", t.get(key)), false);
    }

    /** The 403 page that names what the signed-in role may do; for refused story steps and screens the role may not open. */
    public ResponseEntity<byte[]> roleRefusal(HttpServletRequest request) {
        Texts t = texts(request);
        String role = request.isUserInRole("ADMIN") ? "admin" : request.isUserInRole("EDITOR") ? "editor"
                : request.isUserInRole("AUTHOR") ? "author" : "contributor";
        String message = t.get("newsroom.refused.story") + " " + t.get("newsroom.role.may." + role);
        return page(HttpStatus.FORBIDDEN, "newsroom/refused.jte", request, Map.of("message", message));
    }

    /** The address of a static file with its content hash, as the asset chain serves it. */
    public String asset(String path) {
        String versioned = assets.getForLookupPath(path);
        return versioned == null ? path : versioned;
    }

    public static <T> ResponseEntity<T> redirect(String location) {
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, location).build();
    }

}

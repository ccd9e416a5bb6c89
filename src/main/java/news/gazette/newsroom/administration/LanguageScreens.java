package news.gazette.newsroom.administration;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.AccountLanguages;
import news.gazette.audit.AuditLog;
import news.gazette.newsroom.Actor;
import news.gazette.newsroom.NewsroomLocales;
import news.gazette.newsroom.Screens;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The account's own page: the language the newsroom speaks to it (ADR 92), or the browser's when none is chosen.
 * Every role may change its own; nobody changes another's.
 */
@Controller
class LanguageScreens {

    /** The choices in the order the page offers them; the empty one follows the browser. */
    private static final List<String> CHOICES = List.of("", "en", "ru", "hy");

    /** Each language by its own name, in its own script, whatever the page's language. */
    private static final Map<String, String> NAMES = Map.of("en", "English", "ru", "Русский", "hy", "Հայերեն");

    private final Screens screens;
    private final AccountLanguages languages;
    private final NewsroomLocales locales;
    private final AuditLog audit;

    LanguageScreens(Screens screens, AccountLanguages languages, NewsroomLocales locales, AuditLog audit) {
        this.screens = screens;
        this.languages = languages;
        this.locales = locales;
        this.audit = audit;
    }

    @GetMapping("/newsroom/account")
    ResponseEntity<byte[]> page(Principal who, HttpServletRequest request, CsrfToken csrf) {
        return render(who, request, csrf, HttpStatus.OK, request.getParameter("saved") != null, false);
    }

    @PostMapping("/newsroom/account")
    ResponseEntity<byte[]> choose(@RequestParam(name = "language", defaultValue = "") String language, Principal who,
                                  HttpServletRequest request, CsrfToken csrf) {
        if (!CHOICES.contains(language)) {
            return render(who, request, csrf, HttpStatus.BAD_REQUEST, false, true);
        }
        Actor actor = screens.actor(who, request);
        languages.choose(actor.account().id(), language);
        audit.record(who.getName(), "account.language", actor.account().email(), language, request.getRemoteAddr());
        locales.forget(request);
        return Screens.redirect("/newsroom/account?saved");
    }

    private ResponseEntity<byte[]> render(Principal who, HttpServletRequest request, CsrfToken csrf, HttpStatus status,
                                          boolean saved, boolean refused) {
        Texts t = screens.texts(request);
        String chosen = languages.of(who.getName()).orElse("");
        List<LanguageChoice> choices = CHOICES.stream()
                .map(code -> new LanguageChoice(code, code.isEmpty() ? t.get("newsroom.account.language.browser")
                        : NAMES.get(code), code.equals(chosen)))
                .toList();
        return screens.page(status, "newsroom/account.jte", request, Map.of("csrf", csrf, "email", who.getName(),
                "choices", choices, "notice", saved ? t.get("newsroom.account.saved") : "",
                "error", refused ? t.get("newsroom.account.refused") : ""));
    }
}

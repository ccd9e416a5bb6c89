package news.gazette.newsroom;

import java.security.Principal;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.AccountLanguages;
import news.gazette.edition.Editions;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request (ADR 92). On the newsroom's paths: the signed-in account's chosen language, else the
 * best of the browser's {@code Accept-Language} among the editions' languages. Elsewhere the reader site chooses by
 * edition, and this resolver answers the browser's first language, as Spring's default one does.
 */
@Component("localeResolver")
public class NewsroomLocales implements LocaleResolver {

    private static final String KEPT = NewsroomLocales.class.getName() + ".locale";

    private final Editions editions;
    private final AccountLanguages languages;

    NewsroomLocales(Editions editions, AccountLanguages languages) {
        this.editions = editions;
        this.languages = languages;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        if (!request.getRequestURI().startsWith("/newsroom")) {
            return request.getLocale();
        }
        if (request.getAttribute(KEPT) instanceof Locale kept) {
            return kept;
        }
        Locale browser = editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE)).locale();
        Principal who = request.getUserPrincipal();
        Locale chosen = who == null ? browser
                : languages.of(who.getName()).map(Locale::forLanguageTag).orElse(browser);
        request.setAttribute(KEPT, chosen);
        return chosen;
    }

    /** Forgets the language worked out for this request (the account has just chosen another). */
    public void forget(HttpServletRequest request) {
        request.removeAttribute(KEPT);
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("The newsroom's language is chosen on the account's page");
    }
}

package news.gazette.newsroom.administration;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.AppKeys;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The admins' screen of API keys for apps: make one (its secret shown once) with its rate limit, see and revoke them.
 */
@Controller
class AppKeyScreens extends ScreenRefusals {

    static final String PATH = "/newsroom/app-keys";
    static final String DEFAULT_RATE = "20";
    static final String DEFAULT_BURST = "120";

    private final AppKeyKeeping keeping;

    AppKeyScreens(Screens screens, AppKeyKeeping keeping) {
        super(screens);
        this.keeping = keeping;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> list(HttpServletRequest request, Principal who, CsrfToken csrf) {
        return page(HttpStatus.OK, new AppKeyForm("", DEFAULT_RATE, DEFAULT_BURST), "", "", request, csrf);
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> create(@RequestParam(defaultValue = "") String name,
                                  @RequestParam(defaultValue = "") String requestsPerSecond,
                                  @RequestParam(defaultValue = "") String burst, HttpServletRequest request,
                                  Principal who, CsrfToken csrf) {
        try {
            AppKeys.Created created = keeping.create(screens.actor(who, request), name, requestsPerSecond, burst);
            return page(HttpStatus.OK, new AppKeyForm("", DEFAULT_RATE, DEFAULT_BURST), created.secret(), "", request, csrf);
        } catch (Refusal refusal) {
            String error = screens.texts(request).get(refusal.key(), refusal.args());
            return page(refusal.status(), new AppKeyForm(name, requestsPerSecond, burst), "", error, request, csrf);
        }
    }

    @PostMapping(PATH + "/{id:[0-9]{1,18}}/revoke")
    ResponseEntity<byte[]> revoke(@PathVariable long id, HttpServletRequest request, Principal who) {
        keeping.revoke(screens.actor(who, request), id);
        return Screens.redirect(PATH);
    }

    private ResponseEntity<byte[]> page(HttpStatus status, AppKeyForm form, String secret, String error,
                                        HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(ZoneOffset.UTC);
        List<AppKeyRow> rows = keeping.all().stream().map(key -> new AppKeyRow(key.id(), key.name(), key.keyStart(),
                t.get("newsroom.app-keys.limit-value", key.requestsPerSecond(), key.burst()), key.createdBy(),
                format.format(key.createdAt()), key.revokedAt() == null ? "" : format.format(key.revokedAt()))).toList();
        return screens.page(status, "newsroom/app-keys.jte", request, Map.of("csrf", csrf, "keys", rows,
                "secret", secret, "error", error, "form", form));
    }
}

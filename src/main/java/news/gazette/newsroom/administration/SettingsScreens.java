package news.gazette.newsroom.administration;

import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.text.Texts;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.site.EditionSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's site settings, for admins: the outlet's name and logo, the menu links, social accounts, app links, the
 * follow call to action, footer texts.
 */
@Controller
class SettingsScreens extends ScreenRefusals {

    /** How many of the library's newest images the logo choice offers (besides the current logo, always offered). */
    private static final int LOGO_CHOICES = 60;

    private final SettingsEditing editing;
    private final MediaLibrary media;
    private final Permalinks links;
    private final Editions editions;

    SettingsScreens(Screens screens, SettingsEditing editing, MediaLibrary media, Permalinks links, Editions editions) {
        super(screens);
        this.editing = editing;
        this.media = media;
        this.links = links;
        this.editions = editions;
    }

    @GetMapping("/newsroom/settings")
    ResponseEntity<byte[]> show(@RequestParam(required = false) String edition, HttpServletRequest request,
                                CsrfToken csrf) {
        String code = screens.edition(edition, request).code();
        return page(HttpStatus.OK, code, fields(editing.of(code)), Map.of(), "", request, csrf);
    }

    @PostMapping("/newsroom/settings")
    ResponseEntity<byte[]> save(@RequestParam Map<String, String> form, HttpServletRequest request, Principal who,
                                CsrfToken csrf) {
        String code = screens.edition(form.get("edition"), request).code();
        List<EditionSettings.Problem> problems = editing.save(screens.actor(who, request),
                SettingsEditing.fromForm(code, form));
        Texts t = screens.texts(request);
        if (problems.isEmpty()) {
            return page(HttpStatus.OK, code, fields(editing.of(code)), Map.of(), t.get("newsroom.settings.saved"),
                    request, csrf);
        }
        List<Integer> rows = SettingsEditing.socialRows(form);
        List<Integer> menuRows = SettingsEditing.menuRows(form);
        Map<String, String> errors = problems.stream().collect(Collectors.toMap(
                p -> formField(formField(p.field(), "social", rows), "menu", menuRows), p -> t.get(p.key()), (a, b) -> a));
        return page(HttpStatus.BAD_REQUEST, code, form, errors, "", request, csrf);
    }

    /** A problem's field as the form names it: the k-th social account (or menu link) is in the k-th filled row. */
    private static String formField(String field, String kind, List<Integer> rows) {
        if (field.matches(kind + "[0-9]+")) {
            int k = Integer.parseInt(field.substring(kind.length()));
            return k < rows.size() ? kind + rows.get(k) : field;
        }
        return field;
    }

    /** The stored settings as form fields, social accounts in rows with empty rows to add more. */
    private static Map<String, String> fields(EditionSettings s) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < s.social().size(); i++) {
            fields.put("social" + i + ".network", s.social().get(i).network());
            fields.put("social" + i + ".url", s.social().get(i).url());
        }
        put(fields, "appStore", s.appStore());
        put(fields, "googlePlay", s.googlePlay());
        put(fields, "followNetwork", s.followNetwork());
        put(fields, "followText", s.followText());
        put(fields, "followUrl", s.followUrl());
        put(fields, "copyright", s.copyright());
        put(fields, "reusePolicy", s.reusePolicy());
        put(fields, "outletName", s.outletName());
        put(fields, "logoId", s.logoId() == null ? null : String.valueOf(s.logoId()));
        for (int i = 0; i < s.menu().size(); i++) {
            fields.put("menu" + i + ".label", s.menu().get(i).label());
            fields.put("menu" + i + ".url", s.menu().get(i).url());
        }
        return fields;
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String edition, Map<String, String> fields,
                                        Map<String, String> errors, String notice, HttpServletRequest request,
                                        CsrfToken csrf) {
        Map<String, String> values = new HashMap<>(fields);
        values.remove("edition");
        Map<String, Object> params = new HashMap<>(Map.of("csrf", csrf, "edition", edition,
                "editions", screens.editionCodes(), "form", new SettingsForm(values, errors),
                "rows", SettingsEditing.SOCIAL_ROWS, "networks", EditionSettings.NETWORKS, "notice", notice));
        params.put("menuRows", SettingsEditing.MENU_ROWS);
        params.put("logos", logos(values.get("logoId")));
        params.put("configuredName", editions.find(edition).map(Edition::outletName).orElse(""));
        return screens.page(status, "newsroom/settings.jte", request, params);
    }

    /**
     * The images a logo can be chosen from, by what they show: the current (or just chosen) one however old, then
     * the library's newest.
     */
    private List<AuthorPhoto> logos(String chosen) {
        Map<Long, AuthorPhoto> out = new LinkedHashMap<>();
        if (chosen != null && chosen.matches("[0-9]{1,18}")) {
            media.byId(Long.parseLong(chosen)).ifPresent(m -> out.put(m.id(), AuthorPhoto.of(m, links)));
        }
        media.recentUsable(LOGO_CHOICES).forEach(m -> out.putIfAbsent(m.id(), AuthorPhoto.of(m, links)));
        return List.copyOf(out.values());
    }
}

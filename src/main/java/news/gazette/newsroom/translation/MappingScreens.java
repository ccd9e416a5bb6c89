package news.gazette.newsroom.translation;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
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
 * The section and tag mappings between each pair of editions, for editors: see where translations go, set a
 * section's or a tag's counterpart, forget it. A refused change shows the screen again with the reason and what was
 * typed; an edition that does not exist is a 404 page.
 */
@Controller
class MappingScreens extends ScreenRefusals {

    static final String PATH = "/newsroom/translations/mappings";
    /** The form whose refusal the screen shows again: the tag form, or a section's form by its id. */
    private static final long TAG_FORM = -1;

    private final MappingDesk desk;

    MappingScreens(Screens screens, MappingDesk desk) {
        super(screens);
        this.desk = desk;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> show(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
                                HttpServletRequest request, CsrfToken csrf) {
        MappingDesk.Pair pair = pair(from, to, request);
        Texts t = screens.texts(request);
        String notice = request.getParameter("saved") != null ? t.get("translation.mappings.saved")
                : request.getParameter("removed") != null ? t.get("translation.mappings.removed") : "";
        return page(HttpStatus.OK, pair, new FormState(notice, "", 0, Map.of()), request, csrf);
    }

    @PostMapping(PATH + "/sections")
    ResponseEntity<byte[]> section(@RequestParam Map<String, String> form, Principal who, HttpServletRequest request,
                                   CsrfToken csrf) {
        MappingDesk.Pair pair = pair(form.get("from"), form.get("to"), request);
        String target = form.getOrDefault("target", "");
        long editing = form.getOrDefault("section", "").matches("[0-9]{1,18}") ? Long.parseLong(form.get("section")) : 0;
        return attempt(() -> desk.mapSection(screens.actor(who, request), pair, form.get("section"), target),
                pair, target.isBlank(), editing, form, request, csrf);
    }

    @PostMapping(PATH + "/tags")
    ResponseEntity<byte[]> tag(@RequestParam Map<String, String> form, Principal who, HttpServletRequest request,
                               CsrfToken csrf) {
        MappingDesk.Pair pair = pair(form.get("from"), form.get("to"), request);
        String target = form.getOrDefault("target", "");
        return attempt(() -> desk.mapTag(screens.actor(who, request), pair, form.get("tag"), target),
                pair, target.isBlank(), TAG_FORM, form, request, csrf);
    }

    private ResponseEntity<byte[]> attempt(Runnable change, MappingDesk.Pair pair, boolean removing, long editing,
                                           Map<String, String> typed, HttpServletRequest request, CsrfToken csrf) {
        try {
            change.run();
            return Screens.redirect(PATH + "?" + pair.query() + (removing ? "&removed=1" : "&saved=1"));
        } catch (Refusal refusal) {
            String error = screens.texts(request).get(refusal.key(), refusal.args());
            return page(refusal.status(), pair, new FormState("", error, editing, typed), request, csrf);
        }
    }

    /**
     * The pair of editions asked for: {@code from} defaults to the first edition, {@code to} to the first other one.
     *
     * @throws Refusal 400 when both name the same edition (an unknown edition is a 404 page)
     */
    private MappingDesk.Pair pair(String from, String to, HttpServletRequest request) {
        List<String> codes = screens.editionCodes();
        String source = from == null ? codes.get(0) : screens.edition(from, request).code();
        String target = to == null ? codes.stream().filter(c -> !c.equals(source)).findFirst().orElse(source)
                : screens.edition(to, request).code();
        if (source.equals(target)) {
            throw Refusal.invalid("translation.mappings.same-edition");
        }
        return new MappingDesk.Pair(source, target);
    }

    private ResponseEntity<byte[]> page(HttpStatus status, MappingDesk.Pair pair, FormState state,
                                        HttpServletRequest request, CsrfToken csrf) {
        List<MappingDesk.Pair> pairs = new ArrayList<>();
        for (String a : screens.editionCodes()) {
            for (String b : screens.editionCodes()) {
                if (!a.equals(b)) {
                    pairs.add(new MappingDesk.Pair(a, b));
                }
            }
        }
        Map<String, Object> params = new HashMap<>();
        params.put("csrf", csrf);
        params.put("pair", pair);
        params.put("pairs", pairs);
        params.put("sections", desk.sections(pair));
        params.put("targets", desk.targets(pair));
        params.put("tags", desk.tags(pair));
        params.put("fromTags", desk.tagNames(pair.from()));
        params.put("toTags", desk.tagNames(pair.to()));
        params.put("state", state);
        return screens.page(status, "newsroom/translation/mappings.jte", request, params);
    }
}

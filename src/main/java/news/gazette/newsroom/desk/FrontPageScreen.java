package news.gazette.newsroom.desk;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.story.FrontSlotException;
import news.gazette.story.FrontSlots;
import news.gazette.story.StoryActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An edition's front page as editors arrange it: the lead and top slots with what is in them, moved up and down,
 * pinned until a time, emptied; and the edition's published stories found by words in their headline, to put in a
 * slot. Works without JavaScript (every change is a form). For the roles that may publish any story.
 */
@Controller
class FrontPageScreen extends ScreenRefusals {

    static final String PATH = "/newsroom/front-page";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final FrontSlots slots;
    private final ZoneId zone;

    FrontPageScreen(Screens screens, FrontSlots slots, SiteProperties site) {
        super(screens);
        this.slots = slots;
        this.zone = site.timeZone();
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> show(@RequestParam(required = false) String edition,
                                @RequestParam(required = false, defaultValue = "") String q,
                                HttpServletRequest request, CsrfToken csrf) {
        Edition e = screens.edition(edition, request);
        editorOnly(request);
        return page(HttpStatus.OK, e.code(), q, FormState.CLEAN, request, csrf);
    }

    @PostMapping(PATH + "/place")
    ResponseEntity<byte[]> place(@RequestParam Map<String, String> form, HttpServletRequest request, CsrfToken csrf) {
        String edition = edition(form, request);
        return attempt(edition, form, request, csrf, actor -> slots.place(actor, edition,
                number(form.get("story"), "newsroom.front.bad-story"), position(form), until(form.get("until"))));
    }

    @PostMapping(PATH + "/move")
    ResponseEntity<byte[]> move(@RequestParam Map<String, String> form, HttpServletRequest request, CsrfToken csrf) {
        String edition = edition(form, request);
        int by = "-1".equals(form.get("by")) ? -1 : "1".equals(form.get("by")) ? 1 : 0;
        return attempt(edition, form, request, csrf, actor -> slots.move(actor, edition, position(form), by));
    }

    @PostMapping(PATH + "/pin")
    ResponseEntity<byte[]> pin(@RequestParam Map<String, String> form, HttpServletRequest request, CsrfToken csrf) {
        String edition = edition(form, request);
        return attempt(edition, form, request, csrf,
                actor -> slots.pin(actor, edition, position(form), until(form.get("until"))));
    }

    @PostMapping(PATH + "/remove")
    ResponseEntity<byte[]> remove(@RequestParam Map<String, String> form, HttpServletRequest request, CsrfToken csrf) {
        String edition = edition(form, request);
        return attempt(edition, form, request, csrf, actor -> slots.remove(actor, edition, position(form)));
    }

    private interface Change {
        void make(StoryActor actor);
    }

    private ResponseEntity<byte[]> attempt(String edition, Map<String, String> form, HttpServletRequest request,
                                           CsrfToken csrf, Change change) {
        StoryActor actor = editorOnly(request);
        try {
            change.make(actor);
            return Screens.redirect(PATH + "?edition=" + edition);
        } catch (FrontSlotException refused) {
            if (refused.forbidden()) {
                throw Refusal.forbidden();
            }
            String error = screens.texts(request).get(refused.key());
            return page(HttpStatus.BAD_REQUEST, edition, form.getOrDefault("q", ""),
                    new FormState("", error, -1, form), request, csrf);
        } catch (Refusal refusal) {
            if (refusal.status() != HttpStatus.BAD_REQUEST) {
                throw refusal;
            }
            String error = screens.texts(request).get(refusal.key(), refusal.args());
            return page(HttpStatus.BAD_REQUEST, edition, form.getOrDefault("q", ""),
                    new FormState("", error, -1, form), request, csrf);
        }
    }

    private StoryActor editorOnly(HttpServletRequest request) {
        StoryActor actor = screens.storyActor(request);
        if (!actor.is(news.gazette.account.Role.EDITOR)) {
            throw Refusal.forbidden();
        }
        return actor;
    }

    private String edition(Map<String, String> form, HttpServletRequest request) {
        return screens.edition(form.getOrDefault("edition", ""), request).code();
    }

    private static int position(Map<String, String> form) {
        long value = number(form.get("position"), "newsroom.front.bad-slot");
        if (value > FrontSlots.LAST) {
            throw Refusal.invalid("newsroom.front.bad-slot");
        }
        return (int) value;
    }

    private static long number(String value, String key) {
        if (value == null || !value.matches("[0-9]{1,18}")) {
            throw Refusal.invalid(key);
        }
        return Long.parseLong(value);
    }

    /** A time typed in the outlet's time zone ({@code datetime-local}); blank for no end. */
    private OffsetDateTime until(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(typed.strip().length() > 16 ? typed.strip().substring(0, 16) : typed.strip(), LOCAL)
                    .atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("newsroom.front.bad-until");
        }
    }

    private ResponseEntity<byte[]> page(HttpStatus status, String edition, String q, FormState state,
                                        HttpServletRequest request, CsrfToken csrf) {
        var texts = screens.texts(request);
        Map<Integer, FrontSlots.Slot> placed = new HashMap<>();
        slots.active(edition).forEach(slot -> placed.put(slot.position(), slot));
        List<FrontSlotRow> rows = new ArrayList<>();
        for (int position = 0; position <= FrontSlots.LAST; position++) {
            FrontSlots.Slot slot = placed.get(position);
            String until = slot == null || slot.pinnedUntil() == null ? ""
                    : slot.pinnedUntil().atZoneSameInstant(zone).format(LOCAL).replace('T', ' ');
            rows.add(new FrontSlotRow(position, position == 0 ? texts.get("newsroom.front.lead")
                    : texts.get("newsroom.front.top", position), slot, until));
        }
        String words = q.length() > 200 ? q.substring(0, 200) : q;
        return screens.page(status, "newsroom/front-page.jte", request, Map.of("csrf", csrf, "edition", edition,
                "editions", screens.editionCodes(), "rows", rows, "q", words,
                "found", slots.candidates(edition, words, 20), "state", state, "zone", zone.getId()));
    }
}

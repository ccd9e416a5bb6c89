package news.gazette.reader;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.text.Texts;
import news.gazette.push.InvalidPushSubscription;
import news.gazette.push.PushProperties;
import news.gazette.push.PushSubscriptions;
import news.gazette.push.VapidKeys;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the reader's browser needs for Web Push: the service worker at the site's root ({@code /sw.js}, scope
 * {@code /}), the opt-in script, the cluster's VAPID public key, and subscribing, unsubscribing and asking whether
 * an endpoint is subscribed. Bodies are JSON; a bad one gets a {@code 400} problem detail in the edition's
 * language, a request from another site a {@code 403} (no CSRF token: see {@link NewsletterSecurity}).
 */
@RestController
class PushEndpoints {

    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", java.nio.charset.StandardCharsets.UTF_8);

    private final PushSubscriptions subscriptions;
    private final VapidKeys vapid;
    private final PushProperties properties;
    private final Editions editions;
    private final MessageSource messages;
    private final JsonMapper json;

    PushEndpoints(PushSubscriptions subscriptions, VapidKeys vapid, PushProperties properties, Editions editions,
                  MessageSource messages, JsonMapper json) {
        this.subscriptions = subscriptions;
        this.vapid = vapid;
        this.properties = properties;
        this.editions = editions;
        this.messages = messages;
        this.json = json;
    }

    /** The service worker, from the site's own origin, for the whole site; checked for updates on every visit. */
    @GetMapping("/sw.js")
    ResponseEntity<byte[]> serviceWorker() throws IOException {
        return script("push/sw.js").header("Service-Worker-Allowed", "/").body(read("push/sw.js"));
    }

    @GetMapping("/push/key")
    ResponseEntity<Map<String, Object>> key() {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(Map.of("publicKey", vapid.publicKey(), "enabled", properties.enabled()));
    }

    @PostMapping(path = "/push/subscribe", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> subscribe(@RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(body, request, (target, node) -> {
            JsonNode keys = node.path("keys");
            subscriptions.subscribe(target.endpoint, keys.path("p256dh").asString(""), keys.path("auth").asString(""),
                    target.edition, target.story);
            return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                    .body(Map.of("subscribed", true));
        });
    }

    @PostMapping(path = "/push/unsubscribe", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> unsubscribe(@RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(body, request, (target, node) -> {
            subscriptions.unsubscribe(target.endpoint, target.edition, target.story);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("subscribed", false));
        });
    }

    @PostMapping(path = "/push/status", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> status(@RequestBody(required = false) String body, HttpServletRequest request) {
        return handle(body, request, (target, node) -> ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(Map.of("subscribed", subscriptions.exists(target.endpoint, target.edition, target.story))));
    }

    private record Target(String endpoint, String edition, long story) {
    }

    private interface Action {
        ResponseEntity<?> run(Target target, JsonNode node) throws InvalidPushSubscription;
    }

    private ResponseEntity<?> handle(String body, HttpServletRequest request, Action action) {
        Edition fallback = editions.bestFor(request.getHeader("Accept-Language"));
        if (NewsletterPages.crossSite(request)) {
            return problem(HttpStatus.FORBIDDEN, fallback, "push.refused.cross-site");
        }
        JsonNode node;
        try {
            node = body == null ? null : json.readTree(body);
        } catch (JacksonException e) {
            node = null;
        }
        if (node == null || !node.isObject()) {
            return problem(HttpStatus.BAD_REQUEST, fallback, "push.invalid.body");
        }
        Edition edition = editions.find(node.path("edition").asString("")).orElse(null);
        if (edition == null) {
            return problem(HttpStatus.BAD_REQUEST, fallback, "push.invalid.edition");
        }
        JsonNode story = node.path("story");
        if (!story.isMissingNode() && !story.isNull() && !story.canConvertToLong()) {
            return problem(HttpStatus.BAD_REQUEST, edition, "push.invalid.story");
        }
        try {
            return action.run(new Target(node.path("endpoint").asString(""), edition.code(),
                    story.isIntegralNumber() ? story.asLong() : 0), node);
        } catch (InvalidPushSubscription e) {
            return problem(HttpStatus.BAD_REQUEST, edition, e.messageKey());
        }
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, Edition edition, String key) {
        Texts t = new Texts(messages, edition == null ? Locale.ENGLISH : edition.locale());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, t.get(key));
        problem.setTitle(t.get("push.problem.title"));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }

    private static ResponseEntity.BodyBuilder script(String path) {
        return ResponseEntity.ok().contentType(JAVASCRIPT).cacheControl(CacheControl.noCache());
    }

    private static byte[] read(String path) throws IOException {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        }
    }
}

package news.gazette.reader;

import news.gazette.platform.text.Texts;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.Permalinks;
import news.gazette.story.Redirects;
import news.gazette.platform.database.DatabaseOutage;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import news.gazette.platform.web.BadRequestException;

/**
 * Answers an error in the reader's edition: a localized page for people, an RFC 9457 problem detail for programs.
 * Never a stack trace.
 */
@Component
class ErrorPages {

    /** Statuses whose problem details have localized texts ({@code problem.<status>.title} and {@code .detail}). */
    private static final Set<Integer> KNOWN_PROBLEMS = Set.of(400, 401, 404, 405, 406, 429, 500, 503);

    private final Editions editions;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Permalinks links;
    private final Redirects redirects;

    ErrorPages(Editions editions, ReaderViews views, Renderer renderer, Permalinks links, Redirects redirects) {
        this.redirects = redirects;
        this.links = links;
        this.editions = editions;
        this.views = views;
        this.renderer = renderer;
    }

    ResponseEntity<?> answer(HttpServletRequest request, HttpStatusCode status) {
        return answer(request, status, null);
    }

    /** @param cause what went wrong; a {@link BadRequestException} with a message key says it in the client's language */
    ResponseEntity<?> answer(HttpServletRequest request, HttpStatusCode status, Exception cause) {
        String path = originalPath(request);
        if (status.value() == 404 && ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))) {
            // An address that moved (a changed slug, an imported story) answers with where it lives now.
            var moved = redirects.target(path);
            if (moved.isPresent()) {
                return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).header("Location", moved.get()).build();
            }
        }
        if (status.value() == 503) {
            return unavailable(request, path, null, DatabaseOutage.RETRY_AFTER.toSeconds());
        }
        if (wantsJson(request, path)) {
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(request, status, cause));
        }
        Edition edition = path != null && path.startsWith("/newsroom") ? acceptedEdition(request) : editionOf(path);
        Texts t = views.texts(edition);
        String kind = switch (status.value()) {
            case 404, 400, 405, 413 -> String.valueOf(status.value());
            default -> "500";
        };
        Chrome chrome = views.chrome(edition, t, t.get("error." + kind + ".title"), null,
                links.front(edition.code()), null, Map.of(), null);
        return renderer.page(status, "error.jte", Map.of("chrome", chrome, "t", t,
                "heading", t.get("error." + kind + ".title"), "message", t.get("error." + kind + ".message")));
    }

    /** Searches are queued beyond their wait: {@code 503}, saying so, with when to try again. */
    ResponseEntity<?> searchBusy(HttpServletRequest request, long retryAfter) {
        return unavailable(request, originalPath(request), "error.503.search", retryAfter);
    }

    /**
     * The database is away: a page (or problem detail) that asks nothing of it, says when to try again, and is kept by
     * no cache. A form that was being sent is named, so the person knows what they wrote was not saved.
     */
    private ResponseEntity<?> unavailable(HttpServletRequest request, String path, String messageKey, long retryAfter) {
        HttpStatus status = HttpStatus.SERVICE_UNAVAILABLE;
        ResponseEntity<?> answer;
        if (wantsJson(request, path)) {
            answer = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem(request, status, null));
        } else {
            Edition edition = path != null && path.startsWith("/newsroom") ? acceptedEdition(request) : editionOf(path);
            Texts t = views.texts(edition);
            Object method = request.getAttribute(DatabaseOutage.ATTRIBUTE);
            String sent = method instanceof String m ? m : request.getMethod();
            boolean sending = !"GET".equals(sent) && !"HEAD".equals(sent);
            String message = messageKey != null ? messageKey : sending ? "error.503.message.sent" : "error.503.message";
            Chrome chrome = views.chromeWithoutDatabase(edition, t, t.get("error.503.title"));
            answer = renderer.page(status, "error.jte", Map.of("chrome", chrome, "t", t,
                    "heading", t.get("error.503.title"), "message", t.get(message)));
        }
        return ResponseEntity.status(status).headers(headers -> {
                    headers.addAll(answer.getHeaders());
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                    headers.setCacheControl(CacheControl.noStore());
                })
                .body(answer.getBody());
    }

    /**
     * An RFC 9457 problem detail with the title and detail in the language the client accepts (Accept-Language,
     * among the editions' languages).
     */
    private ProblemDetail problem(HttpServletRequest request, HttpStatusCode status, Exception cause) {
        Texts t = views.texts(acceptedEdition(request));
        String key = "problem." + status.value();
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (KNOWN_PROBLEMS.contains(status.value())) {
            problem.setTitle(t.get(key + ".title"));
            problem.setDetail(cause instanceof BadRequestException bad && bad.messageKey() != null
                    ? t.get(bad.messageKey(), bad.arguments()) : t.get(key + ".detail"));
        }
        try {
            problem.setInstance(java.net.URI.create(UriComponentsBuilder.fromPath(originalPath(request))
                    .build().encode().toUriString()));
        } catch (IllegalArgumentException unusable) {
            // A path that is no URI even once encoded is left out rather than echoed.
        }
        return problem;
    }

    /**
     * The edition whose language the client accepts best (Accept-Language): for problem details, and for the newsroom,
     * which has no edition in its addresses. An unreadable header is not worth refusing the answer over.
     */
    private Edition acceptedEdition(HttpServletRequest request) {
        return editions.bestFor(request.getHeader("Accept-Language"));
    }

    private Edition editionOf(String path) {
        if (path != null && path.length() > 1) {
            String first = path.substring(1).split("/", 2)[0];
            return editions.find(first).orElse(editions.defaultEdition());
        }
        return editions.defaultEdition();
    }

    private static boolean wantsJson(HttpServletRequest request, String path) {
        if (path != null && (path.startsWith("/views/") || path.startsWith("/api/") || path.startsWith("/newsroom/api/"))) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }

    private static String originalPath(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object forwarded = request.getAttribute(RequestDispatcher.FORWARD_REQUEST_URI);
        return failed != null ? failed.toString() : forwarded != null ? forwarded.toString() : request.getRequestURI();
    }

    /** The status of parameters Tomcat refused: its own code when it gave a client error (413), else 400. */
    static HttpStatus statusOf(InvalidParameterException refused) {
        HttpStatus status = HttpStatus.resolve(refused.getErrorCode());
        return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
    }

    static HttpStatus statusOf(HttpServletRequest request) {
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof InvalidParameterException refused) {
            // A filter read the parameters of a query or form whose % escapes do not decode, or of a form over the
            // size limits: bad input, not our fault.
            return statusOf(refused);
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

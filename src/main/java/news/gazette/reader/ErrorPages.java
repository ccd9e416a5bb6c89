package news.gazette.reader;

import news.gazette.platform.Texts;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.Permalinks;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Answers an error in the reader's edition: a localized page for people, an RFC 9457 problem detail for programs.
 * Never a stack trace.
 */
@Component
class ErrorPages {

    private final Editions editions;
    private final ReaderViews views;
    private final Renderer renderer;
    private final Permalinks links;

    ErrorPages(Editions editions, ReaderViews views, Renderer renderer, Permalinks links) {
        this.links = links;
        this.editions = editions;
        this.views = views;
        this.renderer = renderer;
    }

    ResponseEntity<?> answer(HttpServletRequest request, HttpStatusCode status) {
        String path = originalPath(request);
        if (wantsJson(request, path)) {
            ProblemDetail problem = ProblemDetail.forStatus(status);
            return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        Edition edition = editionOf(path);
        Texts t = views.texts(edition);
        String kind = switch (status.value()) {
            case 404, 400, 405 -> String.valueOf(status.value());
            default -> "500";
        };
        Chrome chrome = views.chrome(edition, t, t.get("error." + kind + ".title"), null,
                links.front(edition.code()), null, Map.of(), null);
        return renderer.page(status, "error.jte", Map.of("chrome", chrome, "t", t,
                "heading", t.get("error." + kind + ".title"), "message", t.get("error." + kind + ".message")));
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
        Object forwarded = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return forwarded != null ? forwarded.toString() : request.getRequestURI();
    }

    static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code instanceof Integer value) {
            HttpStatus status = HttpStatus.resolve(value);
            return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

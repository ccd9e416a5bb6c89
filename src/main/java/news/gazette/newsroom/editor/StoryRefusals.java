package news.gazette.newsroom.editor;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.text.Texts;
import news.gazette.story.InvalidStoryException;
import news.gazette.story.SaveRateException;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * How the newsroom's story screens answer what the story module refuses: a newsroom page in the person's language,
 * never the reader site's error page. It serves the story rooms: the editor and the desk. A refusal says what the person's role may do instead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = {"news.gazette.newsroom.editor", "news.gazette.newsroom.desk",
        "news.gazette.newsroom.translation"})
class StoryRefusals {

    private final Screens screens;

    StoryRefusals(Screens screens) {
        this.screens = screens;
    }

    @ExceptionHandler(StoryRefusedException.class)
    ResponseEntity<byte[]> refused(HttpServletRequest request) {
        return screens.roleRefusal(request);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<byte[]> refusal(Refusal refusal, HttpServletRequest request) {
        if (refusal.status() == HttpStatus.FORBIDDEN) {
            return screens.roleRefusal(request);
        }
        String message = screens.texts(request).get(refusal.key(), refusal.args());
        return screens.page(refusal.status(), "newsroom/refused.jte", request, Map.of("message", message));
    }

    @ExceptionHandler({StoryNotFoundException.class, PageNotFoundException.class})
    ResponseEntity<byte[]> notFound(HttpServletRequest request) {
        return screens.message(request, HttpStatus.NOT_FOUND, "newsroom.error.not-found");
    }

    @ExceptionHandler({BadRequestException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<byte[]> badRequest(HttpServletRequest request) {
        return screens.message(request, HttpStatus.BAD_REQUEST, "newsroom.problem.bad-request");
    }

    @ExceptionHandler(InvalidStoryException.class)
    ResponseEntity<byte[]> invalid(InvalidStoryException e, HttpServletRequest request) {
        return screens.message(request, HttpStatus.BAD_REQUEST, e.field().equals("revisions")
                ? "revisions.choose-two" : "editor.invalid." + e.field().toLowerCase(Locale.ROOT));
    }

    /** Parameters Tomcat refused to read (a malformed {@code %} escape): bad input, not a refused step. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<byte[]> unreadable(HttpServletRequest request) {
        return screens.message(request, HttpStatus.BAD_REQUEST, "newsroom.problem.bad-request");
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<byte[]> notNow(HttpServletRequest request) {
        return screens.message(request, HttpStatus.CONFLICT, "newsroom.desk.refused");
    }

    @ExceptionHandler(SaveRateException.class)
    ResponseEntity<byte[]> tooFast(SaveRateException e, HttpServletRequest request) {
        ResponseEntity<byte[]> page = screens.message(request, HttpStatus.TOO_MANY_REQUESTS, "editor.too-many-saves");
        return ResponseEntity.status(page.getStatusCode()).headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds())).body(page.getBody());
    }
}

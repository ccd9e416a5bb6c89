package news.gazette.reader;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.database.DatabaseOutage;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.search.SearchBusyException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns what went wrong in a controller into the right status and a localized page. The newsroom's story screens
 * answer their own refusals first (newsroom/StoryRefusals).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ReaderErrors {

    private static final Logger log = LoggerFactory.getLogger(ReaderErrors.class);

    private final ErrorPages pages;
    private final DatabaseOutage.Requests outages = new DatabaseOutage.Requests(log);

    ReaderErrors(ErrorPages pages) {
        this.pages = pages;
    }

    @ExceptionHandler({PageNotFoundException.class, NoResourceFoundException.class, NoHandlerFoundException.class})
    ResponseEntity<?> notFound(HttpServletRequest request) {
        return pages.answer(request, HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler({BadRequestException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class})
    ResponseEntity<?> badRequest(HttpServletRequest request, Exception e) {
        return pages.answer(request, HttpStatus.BAD_REQUEST, e);
    }

    /**
     * Parameters Tomcat refused to read: a query or form whose {@code %} escapes do not decode (400), or a form over
     * the container's size limits, which Tomcat reports with its own status (413).
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<?> unreadableParameters(HttpServletRequest request, InvalidParameterException e) {
        return pages.answer(request, ErrorPages.statusOf(e), e);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<?> methodNotAllowed(HttpServletRequest request, HttpRequestMethodNotSupportedException e) {
        ResponseEntity<?> answer = pages.answer(request, HttpStatus.METHOD_NOT_ALLOWED);
        if (e.getSupportedHttpMethods() == null) {
            return answer;
        }
        return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                .allow(e.getSupportedHttpMethods().toArray(org.springframework.http.HttpMethod[]::new)).body(answer.getBody());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<?> notAcceptable(HttpServletRequest request) {
        // The JSON API says why in a problem detail; a page has nothing it could send instead.
        if (news.gazette.platform.web.RoutedPath.of(request).startsWith("/api/")) {
            return pages.answer(request, HttpStatus.NOT_ACCEPTABLE);
        }
        return ResponseEntity.status(HttpStatus.NOT_ACCEPTABLE).build();
    }

    /** A status a controller chose itself (the API's 429, say). */
    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<?> status(HttpServletRequest request, ResponseStatusException e) {
        return pages.answer(request, e.getStatusCode(), e);
    }

    @ExceptionHandler(SearchBusyException.class)
    ResponseEntity<?> searchBusy(HttpServletRequest request, SearchBusyException e) {
        return pages.searchBusy(request, e.retryAfterSeconds());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<?> unexpected(HttpServletRequest request, Exception e) {
        if (DatabaseOutage.isOutage(e)) {
            outages.failed(e);
            return pages.answer(request, HttpStatus.SERVICE_UNAVAILABLE);
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return pages.answer(request, HttpStatus.INTERNAL_SERVER_ERROR);
    }
}

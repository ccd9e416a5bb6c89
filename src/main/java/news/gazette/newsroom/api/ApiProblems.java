package news.gazette.newsroom.api;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;

import java.net.URI;
import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.database.DatabaseOutage;
import news.gazette.platform.web.PageNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What every newsroom API controller answers when something is wrong: an RFC 9457 problem detail whose
 * {@code detail} speaks the caller's language (Accept-Language). Never a stack trace.
 */
abstract class ApiProblems {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    final Screens screens;
    private final DatabaseOutage.Requests outages = new DatabaseOutage.Requests(log);

    ApiProblems(Screens screens) {
        this.screens = screens;
    }

    Actor actor(Principal who, HttpServletRequest request) {
        return screens.actor(who, request);
    }

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal, HttpServletRequest request) {
        return problem(request, refusal.status(), screens.texts(request).get(refusal.key(), refusal.args()));
    }

    @ExceptionHandler(PageNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, screens.texts(request).get("newsroom.problem.not-found"));
    }

    @ExceptionHandler({BadRequestException.class, MethodArgumentTypeMismatchException.class,
            MissingServletRequestParameterException.class, HttpMessageNotReadableException.class})
    ResponseEntity<ProblemDetail> badRequest(HttpServletRequest request) {
        return problem(request, HttpStatus.BAD_REQUEST, screens.texts(request).get("newsroom.problem.bad-request"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpServletRequest request) {
        return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, screens.texts(request).get("newsroom.problem.bad-request"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (DatabaseOutage.isOutage(e)) {
            outages.failed(e);
            ResponseEntity<ProblemDetail> answer = problem(request, HttpStatus.SERVICE_UNAVAILABLE,
                    screens.texts(request).get("newsroom.problem.unavailable"));
            return ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseOutage.RETRY_AFTER.toSeconds()))
                    .body(answer.getBody());
        }
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, screens.texts(request).get("newsroom.problem.server-error"));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

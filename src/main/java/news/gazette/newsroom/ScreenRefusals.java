package news.gazette.newsroom;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Administration screens answer a refused change with a short localized page in its status, never a stack trace.
 * Screens that can show the reason next to their form catch the refusal themselves.
 */
public abstract class ScreenRefusals {

    protected final Screens screens;

    protected ScreenRefusals(Screens screens) {
        this.screens = screens;
    }

    @ExceptionHandler(Refusal.class)
    public ResponseEntity<byte[]> refused(Refusal refusal, HttpServletRequest request) {
        String message = screens.texts(request).get(refusal.key(), refusal.args());
        return screens.page(refusal.status(), "newsroom/refused.jte", request, Map.of("message", message));
    }
}

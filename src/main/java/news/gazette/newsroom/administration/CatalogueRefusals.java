package news.gazette.newsroom.administration;

import news.gazette.newsroom.FormState;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;

import java.util.Map;
import java.util.function.BiFunction;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * How a catalogue screen answers a change: back to its list when it worked, the list again with the reason and what
 * was typed when it was refused. An object that does not exist is a 404 page.
 */
abstract class CatalogueRefusals extends ScreenRefusals {

    CatalogueRefusals(Screens screens) {
        super(screens);
    }

    ResponseEntity<byte[]> attempt(HttpServletRequest request, Runnable change, String back, long editing,
                                   Map<String, String> typed, BiFunction<HttpStatus, FormState, ResponseEntity<byte[]>> page) {
        try {
            change.run();
            return Screens.redirect(back);
        } catch (Refusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            String error = screens.texts(request).get(refusal.key(), refusal.args());
            return page.apply(refusal.status(), new FormState("", error, editing, typed));
        }
    }
}

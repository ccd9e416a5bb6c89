package news.gazette.story;

import news.gazette.platform.database.DatabaseOutage;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Ends the front-page pins whose time has come, so that their slots fill themselves again and the cached front pages
 * go. Every node runs it; {@link FrontSlots#endRunOut()} ends each pin once. Readers never see a run-out pin even
 * before this runs: {@link FrontSlots#active} leaves it out; this is what purges the pages that showed it.
 */
@Component
class FrontPins {

    private final FrontSlots slots;
    private final DatabaseOutage.Warnings warnings =
            new DatabaseOutage.Warnings(LoggerFactory.getLogger(FrontPins.class), "Front-page pins");

    FrontPins(FrontSlots slots) {
        this.slots = slots;
    }

    @Scheduled(fixedDelayString = "${gazette.front.pin-check-interval:15s}",
            initialDelayString = "${gazette.front.pin-check-interval:15s}")
    void endRunOut() {
        try {
            slots.endRunOut();
            warnings.succeeded();
        } catch (RuntimeException e) {
            warnings.failed(e);
        }
    }
}

package news.gazette.story;

import news.gazette.platform.database.DatabaseOutage;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled stories when their time comes, whether or not anyone is signed in. Every instance runs it;
 * {@link Publishing#publishDue()} makes sure each story is published once.
 */
@Component
class Schedule {

    private final Publishing publishing;
    private final DatabaseOutage.Warnings warnings =
            new DatabaseOutage.Warnings(LoggerFactory.getLogger(Schedule.class), "Scheduled publishing");

    Schedule(Publishing publishing) {
        this.publishing = publishing;
    }

    @Scheduled(fixedDelayString = "${gazette.schedule.check-interval:15s}", initialDelayString = "${gazette.schedule.check-interval:15s}")
    void publishDue() {
        try {
            publishing.publishDue();
            warnings.succeeded();
        } catch (RuntimeException e) {
            // What is due stays due: the next check publishes it once the database answers again.
            warnings.failed(e);
        }
    }
}

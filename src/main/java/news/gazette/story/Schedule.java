package news.gazette.story;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes scheduled stories when their time comes, whether or not anyone is signed in. Every instance runs it;
 * {@link Publishing#publishDue()} makes sure each story is published once.
 */
@Component
class Schedule {

    private final Publishing publishing;

    Schedule(Publishing publishing) {
        this.publishing = publishing;
    }

    @Scheduled(fixedDelayString = "${gazette.schedule.check-interval:15s}", initialDelayString = "${gazette.schedule.check-interval:15s}")
    void publishDue() {
        publishing.publishDue();
    }
}

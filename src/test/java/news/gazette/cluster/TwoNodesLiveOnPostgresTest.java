package news.gazette.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import news.gazette.live.Alerts;
import news.gazette.live.LiveEvent;
import news.gazette.support.EventStreamClient;
import org.junit.jupiter.api.Test;

/**
 * News that moves across nodes: an alert set and an entry saved on node A reach a reader's event stream on node B
 * within two seconds (the target of issue 16; bench/live-latency.sh measures its p95), the banner is on B's next
 * page, and a reader whose stream to B drops resumes on A with B's last id without losing the event in between.
 */
class TwoNodesLiveOnPostgresTest extends TwoNodesOnPostgres {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);

    @Test
    void anAlertAndAnEntryMadeOnOneNodeReachStreamsOnTheOtherAndAStreamResumesAcrossNodes() throws Exception {
        String last;
        try (EventStreamClient onB = EventStreamClient.open(b.uri("/api/v1/editions/en/events"), null)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> !onB.events().isEmpty());
            b.bean(Alerts.class).current("en");
            Node.get(Node.browser(), b.uri("/en/"));

            a.bean(Alerts.class).set("en", "Ferry service suspended", null, null, false, "editor@test", "10.0.0.1");
            await().atMost(TWO_SECONDS).until(() -> onB.named("alert").size() == 1);
            assertThat(onB.named("alert").get(0).data()).contains("Ferry service suspended");
            assertThat(Node.get(Node.browser(), b.uri("/en/")).body()).as("B's cached front page was purged")
                    .contains("Ferry service suspended");

            a.publish(new LiveEvent.EntryChanged("en", 11, 12, LiveEvent.Change.ADDED));
            await().atMost(TWO_SECONDS).until(() -> onB.named("entry").size() == 1);
            last = onB.named("entry").get(0).id();
        }

        a.bean(Alerts.class).clear("en", "editor@test", "10.0.0.1");
        await().atMost(TWO_SECONDS).until(() -> b.bean(Alerts.class).current("en").isEmpty());
        try (EventStreamClient onA = EventStreamClient.open(a.uri("/api/v1/editions/en/events"), last)) {
            await().atMost(Duration.ofSeconds(5)).until(() -> onA.named("alert-cleared").size() == 1);
            assertThat(onA.named("alert-cleared").get(0).data()).as("the clear made after B's last event")
                    .contains("\"event\"");
        }
    }
}

package news.gazette.webhook;

import java.time.Clock;
import java.util.Map;

import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.story.StoryCorrected;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Announces correction and update notes as {@code story.corrected} to the endpoints that subscribe to it. */
@Component
class CorrectionWebhooks {

    private final Webhooks webhooks;
    private final JsonMapper json;
    private final Clock clock;

    CorrectionWebhooks(Webhooks webhooks, JsonMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @OncePerCluster
    void on(StoryCorrected event) {
        String payload = json.writeValueAsString(Map.of("id", event.id(),
                "event", WebhookEvent.STORY_CORRECTED.wireName(), "occurredAt", clock.instant().toString(),
                "story", Map.of("id", event.storyId(), "edition", event.edition(), "sectionId", event.sectionId(),
                        "apiPath", "/api/v1/stories/" + event.storyId()),
                "note", Map.of("id", event.noteId(), "kind", event.kind())));
        webhooks.enqueue(WebhookEvent.STORY_CORRECTED, event.storyId(), event.id(), payload);
    }
}

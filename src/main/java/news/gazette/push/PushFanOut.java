package news.gazette.push;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.jobs.Jobs;
import news.gazette.live.LiveEvent;
import news.gazette.platform.nodes.OncePerCluster;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns live events into push messages, once for the cluster: an alert the editor asked to push goes to the
 * edition's alert subscribers (urgency high, topic per edition so a newer alert replaces an undelivered older one);
 * a new live-blog entry goes to the live blog's followers, at most once per follower per
 * {@code gazette.push.follow-interval}. The devices go in batches of {@code gazette.push.batch} by id, each one
 * queue message keyed {@code push:alert:<alertId>:<first subscription id>} or {@code push:entry:<entryId>:<first id>}
 * (ADR 125), so an event handled again after a crash puts nothing in twice, and {@code push_sends} keeps any device
 * from getting the message twice.
 */
@Component
class PushFanOut {

    static final int PAGE = 1000;
    private static final Logger log = LoggerFactory.getLogger(PushFanOut.class);

    private final PushSubscriptions subscriptions;
    private final PushQueue queue;
    private final Jobs jobs;
    private final Editions editions;
    private final Stories stories;
    private final Sections sections;
    private final Permalinks links;
    private final MessageSource messages;
    private final PushProperties properties;
    private final Clock clock;

    PushFanOut(PushSubscriptions subscriptions, PushQueue queue, Jobs jobs, Editions editions, Stories stories,
               Sections sections, Permalinks links, MessageSource messages, PushProperties properties,
               Clock clock) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.jobs = jobs;
        this.editions = editions;
        this.stories = stories;
        this.sections = sections;
        this.links = links;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    @OncePerCluster
    void on(LiveEvent event) {
        if (!properties.enabled()) {
            return;
        }
        if (event instanceof LiveEvent.AlertSet alert && alert.push()) {
            alert(alert);
        } else if (event instanceof LiveEvent.EntryChanged entry && entry.change() == LiveEvent.Change.ADDED) {
            entry(entry);
        }
    }

    /** Puts the alert in the queue for every alert subscriber of its edition, in batches; returns how many batches. */
    int alert(LiveEvent.AlertSet alert) {
        Optional<Edition> edition = editions.find(alert.edition());
        if (edition.isEmpty()) {
            return 0;
        }
        Texts t = new Texts(messages, edition.get().locale());
        String url = Optional.ofNullable(alert.storyId()).flatMap(id -> stories.findPublished(alert.edition(), id))
                .map(this::url).orElse(links.front(alert.edition()));
        String title = t.get("push.alert.title", edition.get().outletName());
        String message = "alert:" + alert.alertId();
        long created = clock.instant().toEpochMilli();
        List<Jobs.Message> batches = new ArrayList<>();
        int[] devices = {0};
        subscriptions.each(alert.edition(), PushSubscription.ALERTS, properties.batch(), page -> {
            PushBatch batch = new PushBatch(message, title, clip(alert.text()), url, "alert-" + alert.edition(),
                    "high", properties.alertTtl().toSeconds(), created, 1, page.stream().map(PushSubscription::id).toList());
            batches.add(new Jobs.Message(PushQueue.key(batch), queue.payload(batch)));
            devices[0] += page.size();
        });
        int queued = jobs.enqueueAll(PushQueue.QUEUE, batches);
        log.info("Alert {} of {}: {} devices in {} push batches queued", alert.alertId(), alert.edition(), devices[0],
                queued);
        return queued;
    }

    /** Puts a new entry in the queue for the live blog's followers not pushed to lately; returns how many batches. */
    int entry(LiveEvent.EntryChanged entry) {
        Optional<Edition> edition = editions.find(entry.edition());
        Optional<Story> story = stories.findPublished(entry.edition(), entry.storyId());
        if (edition.isEmpty() || story.isEmpty()) {
            return 0;
        }
        Texts t = new Texts(messages, edition.get().locale());
        String url = url(story.get());
        String message = "entry:" + entry.entryId();
        long created = clock.instant().toEpochMilli();
        int queued = 0;
        long after = 0;
        List<PushSubscription> page;
        do {
            page = subscriptions.followersDue(entry.edition(), entry.storyId(), properties.followInterval(), after, PAGE);
            List<Jobs.Message> batches = new ArrayList<>();
            for (List<PushSubscription> part : PushQueue.parts(page, properties.batch())) {
                PushBatch batch = new PushBatch(message, clip(story.get().headline()), t.get("push.follow.body"), url,
                        "live-" + entry.storyId(), "normal", properties.followTtl().toSeconds(), created, 1,
                        part.stream().map(PushSubscription::id).toList());
                batches.add(new Jobs.Message(PushQueue.key(batch), queue.payload(batch)));
            }
            if (!page.isEmpty()) {
                after = page.get(page.size() - 1).id();
            }
            queued += jobs.enqueueAll(PushQueue.QUEUE, batches);
        } while (page.size() == PAGE);
        return queued;
    }

    private String url(Story story) {
        String slug = sections.byId(story.sectionId()).map(section -> section.slug()).orElse("-");
        return links.story(story.edition(), slug, story.id(), story.slug());
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() <= 1000 ? text : text.substring(0, 1000);
    }
}

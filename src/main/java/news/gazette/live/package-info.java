/**
 * News that moves: what changes on pages already open. The events here are the contract between the modules that
 * make such changes (breaking alerts, live-blog entries) and those that carry them to readers (the event stream on
 * every node, Web Push, webhooks for the apps). They travel through the change feed like every domain event.
 * <p>
 * The module also keeps each edition's breaking alert ({@link news.gazette.live.Alerts}) and runs the per-edition
 * event stream ({@link news.gazette.live.EditionEvents}; its buffer and open streams in {@code stream/}, ADR 70).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "audit", "edition", "platform", "section", "story"})
package news.gazette.live;

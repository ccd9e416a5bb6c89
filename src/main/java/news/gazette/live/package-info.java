/**
 * News that moves: what changes on pages already open. The events here are the contract between the modules that
 * make such changes (breaking alerts, live-blog entries) and those that carry them to readers (the event stream on
 * every node, Web Push, webhooks for the apps). They travel through the change feed like every domain event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.live;

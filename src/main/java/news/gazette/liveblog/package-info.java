/**
 * Live blogs: a story that is covered as it happens, with timestamped entries written per edition, a pinned
 * key-points summary, a start and an end. Every change raises {@code live.LiveEvent.EntryChanged} in its
 * transaction; who may change a live blog is the story rule for publishing (ADR 75).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"audit", "live", "media", "platform", "story"})
package news.gazette.liveblog;

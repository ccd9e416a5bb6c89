/**
 * The cluster's change feed: every domain event (stories, sections, tags, authors, site settings) is written to the
 * feed in the transaction of its change and told to every node, the one that made it included, so that each node's
 * own effects (its page cache, its search index, what it keeps in memory) follow with one handler per event.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "story"})
package news.gazette.cluster;

/**
 * Search: a Lucene index per edition, kept in step with published stories through the outbox, and the queries
 * readers and apps run against it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "cluster", "edition", "platform", "section", "story"})
package news.gazette.search;

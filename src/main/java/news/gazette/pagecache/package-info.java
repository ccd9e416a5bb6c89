/**
 * The page cache: rendered reader pages kept in memory for anonymous readers, with HTTP validators, cache tags for a
 * CDN, and purges driven by story events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "live", "platform", "section", "site", "story"})
package news.gazette.pagecache;

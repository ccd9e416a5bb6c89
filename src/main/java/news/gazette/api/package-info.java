/**
 * The public JSON API: read-only, no login, errors as RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "edition", "media", "pagecache", "platform", "search", "section", "story", "views"})
package news.gazette.api;

/**
 * The public JSON API: read-only, no login, errors as RFC 9457 problem details.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "account", "author", "edition", "live", "liveblog", "media", "pagecache", "platform", "search", "section",
        "story", "views"})
package news.gazette.api;

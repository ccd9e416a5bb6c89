/**
 * Distribution: RSS and Atom feeds per edition, section, tag and author; sitemaps, the news sitemap and robots.txt.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "edition", "liveblog", "media", "pagecache", "platform", "section", "story"})
package news.gazette.feed;

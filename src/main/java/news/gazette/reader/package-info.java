/**
 * The reader site: front pages, sections, stories, authors, tags and search, rendered on the server with jte.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "edition", "media", "newsletter", "pagecache", "platform", "push", "search", "section", "site", "story", "views"})
package news.gazette.reader;

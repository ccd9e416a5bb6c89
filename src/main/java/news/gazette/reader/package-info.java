/**
 * The reader site: front pages, sections, stories, authors, tags and search, rendered on the server with jte.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
<<<<<<< HEAD
        "author", "edition", "live", "media", "newsletter", "pagecache", "platform", "search", "section", "site", "story", "views"})
=======
        "author", "edition", "media", "newsletter", "pagecache", "platform", "push", "search", "section", "site", "story", "views"})
>>>>>>> main
package news.gazette.reader;

/**
 * Demo content: three editions of original stories, with illustrations the program draws, loaded into an empty database.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "author", "edition", "liveblog", "media", "platform", "section", "story", "views"})
package news.gazette.demo;

/**
 * Editions: the site in one language, each with its own front page, sections and feeds.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package news.gazette.edition;

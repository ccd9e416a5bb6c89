/**
 * The reader site: front pages, sections, stories, authors, tags and search, rendered on the server with jte.
 */
package news.gazette.reader;

/**
 * Distribution: RSS and Atom feeds per edition, section, tag and author; sitemaps, the news sitemap and robots.txt.
 */
package news.gazette.feed;

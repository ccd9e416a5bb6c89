/**
 * Views: counting each reader of a story once per window, without a database write per view, and the most-read lists.
 */
package news.gazette.views;

/**
 * Authors: the people in bylines, each with a public page in their edition.
 */
package news.gazette.author;

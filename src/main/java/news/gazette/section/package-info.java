/**
 * Sections: the top-level topics of an edition, each with a slug and a one-line description.
 */
package news.gazette.section;

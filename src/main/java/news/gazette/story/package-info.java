/**
 * Stories: pieces of journalism in one edition, their bylines, tags, sources and linked translations.
 */
package news.gazette.story;

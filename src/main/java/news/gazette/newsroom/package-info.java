/**
 * The newsroom: where journalists and editors sign in, see the desk of stories, and publish.
 */
package news.gazette.newsroom;

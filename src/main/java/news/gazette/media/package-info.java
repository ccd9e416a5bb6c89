/**
 * Media: image files stored on disk and their metadata, shared by stories and author profiles.
 */
package news.gazette.media;

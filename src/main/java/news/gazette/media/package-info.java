/**
 * Media: image files stored on disk and their metadata, shared by stories and author profiles.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package news.gazette.media;

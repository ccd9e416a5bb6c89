/**
 * Authors: the people in bylines, each with a public page in their edition.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.author;

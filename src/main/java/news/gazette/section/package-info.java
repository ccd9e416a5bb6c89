/**
 * Sections: the top-level topics of an edition, each with a slug and a one-line description.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.section;

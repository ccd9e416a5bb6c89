/**
 * Views: counting each reader of a story once per window, without a database write per view, and the most-read lists.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform", "story"})
package news.gazette.views;

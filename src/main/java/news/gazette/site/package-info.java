/**
 * Site settings per edition, kept in the database and edited by admins: social accounts, app links, the follow call
 * to action and the footer texts, defaulting to the configuration.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"platform"})
package news.gazette.site;

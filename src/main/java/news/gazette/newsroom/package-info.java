/**
 * The newsroom: where journalists and editors sign in, see the desk of stories, and publish.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "account", "audit", "author", "edition", "media", "platform", "search", "section", "site", "story", "webhook"})
package news.gazette.newsroom;

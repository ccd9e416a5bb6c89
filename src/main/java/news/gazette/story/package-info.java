/**
 * Stories: pieces of journalism in one edition, their bylines, tags, sources and linked translations.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "account", "audit", "author", "media", "platform", "section"})
package news.gazette.story;

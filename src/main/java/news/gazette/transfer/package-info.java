/**
 * Moving an archive into Gazette: WordPress (WXR) and Ghost (JSON) exports imported idempotently into an edition,
 * with their images and their old addresses, and a report of what came in and what was left out.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "audit", "author", "edition", "liveblog", "media", "platform", "section", "story"})
package news.gazette.transfer;

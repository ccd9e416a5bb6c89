/**
 * The newsroom: where journalists and editors sign in, see the desk of stories, and publish. Its rooms, one
 * sub-package per task, share only what is in this package ({@code Screens}, {@code Refusal}, {@code Actor},
 * {@code FormState}, {@code Menu}):
 * <ul>
 * <li>{@code desk}: an edition's stories in every state, with the steps the role may take from the list;</li>
 * <li>{@code editor}: writing a story, its workflow buttons, revisions and their comparison;</li>
 * <li>{@code media}: the media library;</li>
 * <li>{@code administration}: accounts, sections, tags, authors, settings, API tokens, app keys, webhooks, newsletters and the
 * audit log, and the services behind them;</li>
 * <li>{@code api}: the newsroom's JSON API over the same services, with its token security and problem details;</li>
 * <li>{@code security}: sign-in and sign-out, sessions, and the filter chain of the newsroom's screens;</li>
 * <li>{@code signin}: the second step, passkeys, single sign-on, the policy per role and the account's security
 * page.</li>
 * </ul>
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {
        "account", "audit", "author", "edition", "live", "liveblog", "media", "newsletter", "platform", "search",
        "section", "site", "story", "views", "webhook"})
package news.gazette.newsroom;

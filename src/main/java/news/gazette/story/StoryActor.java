package news.gazette.story;

import news.gazette.account.Account;
import news.gazette.account.Role;

/**
 * Who asks for a change to a story: a newsroom account with its role (and the address it came from, for the audit
 * log), or Gazette itself — the scheduler, an import, the demo content — which the policy does not restrict.
 *
 * @param accountId {@code 0} for Gazette itself
 * @param role      {@code null} for Gazette itself
 * @param client    the address the request came from, or {@code null}
 */
public record StoryActor(long accountId, String email, Role role, String client) {

    /** An account acting through a screen or the newsroom API. */
    public static StoryActor of(Account account, String client) {
        return new StoryActor(account.id(), account.email(), account.role(), client);
    }

    /** Gazette itself, under a name the audit log and the revisions show ("scheduler", "import", "demo"). */
    public static StoryActor system(String name) {
        return new StoryActor(0, name, null, null);
    }

    public boolean isSystem() {
        return role == null;
    }

    public boolean is(Role needed) {
        return role == null || role.atLeast(needed);
    }
}

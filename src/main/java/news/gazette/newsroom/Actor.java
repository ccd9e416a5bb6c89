package news.gazette.newsroom;

import news.gazette.account.Account;
import news.gazette.account.Role;

/**
 * Who makes a newsroom change, and from where, for the rules and the audit log.
 */
public record Actor(Account account, String client) {

    public String email() {
        return account.email();
    }

    public boolean is(Role role) {
        return account.role().atLeast(role);
    }
}

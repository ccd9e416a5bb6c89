package news.gazette.account;

/**
 * What an account may do. Each role can do everything the one before it can.
 */
public enum Role {
    /** Writes drafts and submits them for review. */
    CONTRIBUTOR,
    /** Also publishes their own stories. */
    AUTHOR,
    /** Publishes and edits any story; manages sections, tags and authors' profiles. */
    EDITOR,
    /** Also manages accounts, roles and site settings, and reads the audit log. */
    ADMIN;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    /** The Spring Security authorities of the role: its own and those of every role below it. */
    public String[] authorities() {
        return java.util.Arrays.stream(values()).filter(this::atLeast).map(r -> "ROLE_" + r.name())
                .toArray(String[]::new);
    }
}

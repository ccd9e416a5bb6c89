package news.gazette.account;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What an API token may do, on top of what its account's role allows: a token never does more than its account, and
 * only what its scopes name.
 */
public enum TokenScope {
    /** Read whatever the role may read. */
    READ,
    /** Write and change stories (drafts, revisions, translations, submitting, deleting). */
    WRITE,
    /** Publish, unpublish and schedule stories. */
    PUBLISH,
    /** Administration: accounts, site settings, sections, tags, authors and API tokens. */
    ADMIN;

    /** The Spring Security authority a token with this scope carries. */
    public String authority() {
        return "SCOPE_" + code();
    }

    /** The name in forms, JSON and the database. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TokenScope> of(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    static String join(Set<TokenScope> scopes) {
        return scopes.stream().sorted().map(TokenScope::code).collect(Collectors.joining(","));
    }

    static Set<TokenScope> split(String stored) {
        EnumSet<TokenScope> scopes = EnumSet.noneOf(TokenScope.class);
        for (String code : stored == null ? new String[0] : stored.split(",")) {
            of(code.strip()).ifPresent(scopes::add);
        }
        return scopes;
    }
}

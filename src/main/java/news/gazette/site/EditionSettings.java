package news.gazette.site;

import java.util.List;

/**
 * What an edition shows around every reader page that the outlet may change without a release.
 *
 * @param followNetwork the network the follow call to action names ({@code x}, {@code instagram}…), or {@code null}
 * @param followText the call to action's own words, or {@code null} for the edition's standard sentence
 * @param followUrl where the call to action leads, or {@code null} to show none
 * @param copyright the footer's copyright line, or {@code null} for the edition's standard line
 * @param reusePolicy the footer's reuse policy, or {@code null} for the edition's standard text
 * @param outletName the outlet's name as the edition's pages show it, or {@code null} for the configured name
 * @param logoId the media library's image shown in the header instead of the name in letters, or {@code null}
 * @param menu the edition's own links after the sections in the header and on the menu page, in that order
 */
public record EditionSettings(String edition, List<SocialAccount> social, String appStore, String googlePlay,
                              String followNetwork, String followText, String followUrl, String copyright,
                              String reusePolicy, String outletName, Long logoId, List<MenuLink> menu) {

    /** The networks Gazette has icons and names for. */
    public static final List<String> NETWORKS = List.of("x", "youtube", "instagram", "facebook", "telegram");

    /** How many menu links an edition may have. */
    public static final int MENU_LINKS = 8;

    public EditionSettings {
        social = social == null ? List.of() : List.copyOf(social);
        menu = menu == null ? List.of() : List.copyOf(menu);
    }

    /**
     * What is wrong with these settings, by field and message key; empty when they can be saved. Links must be
     * absolute {@code https} addresses (never {@code javascript:} or plain {@code http}); texts have upper bounds.
     */
    public List<Problem> problems() {
        List<Problem> problems = new java.util.ArrayList<>();
        for (int i = 0; i < social.size(); i++) {
            SocialAccount account = social.get(i);
            if (!NETWORKS.contains(account.network())) {
                problems.add(new Problem("social" + i, "newsroom.settings.bad-network"));
            }
            link(problems, "social" + i, account.url(), true);
        }
        if (social.size() > NETWORKS.size()) {
            problems.add(new Problem("social", "newsroom.settings.too-many"));
        }
        link(problems, "appStore", appStore, false);
        link(problems, "googlePlay", googlePlay, false);
        link(problems, "followUrl", followUrl, false);
        if (followUrl != null && (followNetwork == null || !NETWORKS.contains(followNetwork))) {
            problems.add(new Problem("followNetwork", "newsroom.settings.bad-network"));
        }
        text(problems, "followText", followText, 300);
        text(problems, "copyright", copyright, 300);
        text(problems, "reusePolicy", reusePolicy, 1000);
        if (outletName != null && (outletName.isBlank() || outletName.length() > 100
                || outletName.chars().anyMatch(c -> c < ' '))) {
            problems.add(new Problem("outletName", "newsroom.settings.bad-outlet-name"));
        }
        for (int i = 0; i < menu.size(); i++) {
            MenuLink link = menu.get(i);
            if (link.label() == null || link.label().isBlank() || link.label().length() > 60
                    || link.label().chars().anyMatch(c -> c < ' ')) {
                problems.add(new Problem("menu" + i, "newsroom.settings.bad-menu-label"));
            } else if (!menuLink(link.url())) {
                problems.add(new Problem("menu" + i, "newsroom.settings.bad-menu-link"));
            }
        }
        if (menu.size() > MENU_LINKS) {
            problems.add(new Problem("menu", "newsroom.settings.too-many"));
        }
        return problems;
    }

    /**
     * Whether a menu link's address may be shown: an absolute {@code http} or {@code https} address with a host, or
     * an address on this site ({@code /…}, never {@code //…}, which leaves it); without spaces, quotes, angle brackets
     * or backslashes.
     */
    public static boolean menuLink(String value) {
        if (!plainAddress(value)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            if (value.startsWith("/")) {
                return !value.startsWith("//") && uri.getScheme() == null && uri.getRawAuthority() == null;
            }
            String scheme = uri.getScheme();
            return ("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
                    && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /** Whether a link is an absolute https address with a host, without spaces, quotes or angle brackets. */
    public static boolean safeLink(String value) {
        if (!plainAddress(value) || !value.regionMatches(true, 0, "https://", 0, 8)) {
            return false;
        }
        try {
            java.net.URI uri = new java.net.URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (java.net.URISyntaxException malformed) {
            return false;
        }
    }

    /** An address of at most 500 characters without spaces, quotes, angle brackets, backslashes or control codes. */
    private static boolean plainAddress(String value) {
        return value != null && !value.isEmpty() && value.length() <= 500
                && value.chars().noneMatch(c -> c <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' || c == 127);
    }

    private static void link(List<Problem> problems, String field, String value, boolean required) {
        if (value == null ? required : !safeLink(value)) {
            problems.add(new Problem(field, "newsroom.settings.bad-link"));
        }
    }

    private static void text(List<Problem> problems, String field, String value, int max) {
        if (value != null && (value.length() > max || value.chars().anyMatch(c -> c < ' ' && c != '\n'))) {
            problems.add(new Problem(field, "newsroom.settings.too-long"));
        }
    }

    /** A field that cannot be saved as it is, and the message key that says why. */
    public record Problem(String field, String key) {
    }

    /** An account of the outlet on a social network. */
    public record SocialAccount(String network, String url) {
    }

    /** A link of the edition's own menu: the words readers see and where it leads. */
    public record MenuLink(String label, String url) {
    }
}

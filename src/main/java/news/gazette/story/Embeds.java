package news.gazette.story;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognizes the addresses of posts that may be embedded in a story: YouTube, X, Telegram and Instagram, nothing
 * else. The address is rebuilt from the recognized id, so nothing the author typed beyond the id reaches a page.
 */
public final class Embeds {

    /** The platforms a story may embed from. */
    public enum Provider {
        YOUTUBE("YouTube"), X("X"), TELEGRAM("Telegram"), INSTAGRAM("Instagram");

        private final String label;

        Provider(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:embed|shorts|live)/([A-Za-z0-9_-]{11})/?");
    private static final Pattern X_PATH = Pattern.compile("/([A-Za-z0-9_]{1,15})/status/([0-9]{1,25})/?");
    private static final Pattern TELEGRAM_PATH = Pattern.compile("/([A-Za-z][A-Za-z0-9_]{3,31})/([0-9]{1,12})/?");
    private static final Pattern INSTAGRAM_PATH = Pattern.compile("/(p|reel)/([A-Za-z0-9_-]{5,40})/?");
    private static final Set<String> YOUTUBE_HOSTS = Set.of("youtube.com", "www.youtube.com", "m.youtube.com",
            "youtube-nocookie.com", "www.youtube-nocookie.com");

    private Embeds() {
    }

    /** The embed the address points to, or empty when it is not an address of a post on an allowed platform. */
    public static Optional<Block.Embed> recognize(String address) {
        if (address == null || address.length() > 500) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(address.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || uri.getRawUserInfo() != null || uri.getPort() != -1
                || uri.getHost() == null) {
            return Optional.empty();
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (YOUTUBE_HOSTS.contains(host)) {
            String v = param(uri.getRawQuery(), "v");
            if (path.equals("/watch") && v != null && YOUTUBE_ID.matcher(v).matches()) {
                return Optional.of(youtube(v));
            }
            Matcher m = YOUTUBE_PATH.matcher(path);
            return m.matches() ? Optional.of(youtube(m.group(1))) : Optional.empty();
        }
        if (host.equals("youtu.be")) {
            String id = path.startsWith("/") ? path.substring(1) : path;
            return YOUTUBE_ID.matcher(id).matches() ? Optional.of(youtube(id)) : Optional.empty();
        }
        if (Set.of("x.com", "www.x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com").contains(host)) {
            Matcher m = X_PATH.matcher(path);
            return m.matches() ? Optional.of(new Block.Embed(Provider.X,
                    "https://x.com/" + m.group(1) + "/status/" + m.group(2), m.group(2))) : Optional.empty();
        }
        if (host.equals("t.me") || host.equals("telegram.me")) {
            Matcher m = TELEGRAM_PATH.matcher(path);
            return m.matches() ? Optional.of(new Block.Embed(Provider.TELEGRAM,
                    "https://t.me/" + m.group(1) + "/" + m.group(2), m.group(1) + "/" + m.group(2))) : Optional.empty();
        }
        if (host.equals("instagram.com") || host.equals("www.instagram.com")) {
            Matcher m = INSTAGRAM_PATH.matcher(path);
            return m.matches() ? Optional.of(new Block.Embed(Provider.INSTAGRAM,
                    "https://www.instagram.com/" + m.group(1) + "/" + m.group(2) + "/", m.group(2))) : Optional.empty();
        }
        return Optional.empty();
    }

    private static Block.Embed youtube(String id) {
        return new Block.Embed(Provider.YOUTUBE, "https://www.youtube.com/watch?v=" + id, id);
    }

    private static String param(String query, String name) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}

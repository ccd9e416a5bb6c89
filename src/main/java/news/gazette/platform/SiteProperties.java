package news.gazette.platform;

import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outlet's own settings, from {@code gazette.site.*}: time zone, accounts, apps and the follow call to action.
 * Texts that differ per edition (copyright, reuse policy) live in the message bundles and may be overridden there.
 */
@ConfigurationProperties("gazette.site")
public record SiteProperties(ZoneId timeZone, List<SocialAccount> social, Apps apps, Follow follow) {

    public SiteProperties {
        timeZone = timeZone == null ? ZoneId.of("UTC") : timeZone;
        social = social == null ? List.of() : List.copyOf(social);
        apps = apps == null ? new Apps(null, null) : apps;
    }

    /** An account on a social network: {@code x}, {@code youtube}, {@code instagram}, {@code facebook} or {@code telegram}. */
    public record SocialAccount(String network, String url) {
    }

    /** Links to the outlet's apps in the stores; either may be left out. */
    public record Apps(String appStore, String googlePlay) {
    }

    /** The account readers are invited to follow under each story; leave it out to show no invitation. */
    public record Follow(String network, String url) {
    }
}

package news.gazette.site;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.nodes.OnEveryNode;
import news.gazette.platform.text.XmlText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The site settings of each edition. An edition nobody has edited yet shows the configuration's values
 * ({@code gazette.site.*}). Reads are kept for a few seconds, since every reader page needs them. A save raises a
 * {@link SiteSettingsChanged}; every node, this one included, forgets what it kept of the edition when the change
 * feed tells it of the event, before its pages go.
 */
@Repository
public class SiteSettings {

    private static final Duration KEEP = Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final SiteProperties site;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Cache<String, EditionSettings> recent = Caffeine.newBuilder().expireAfterWrite(KEEP).build();

    SiteSettings(JdbcClient jdbc, SiteProperties site, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.site = site;
        this.clock = clock;
    }

    public EditionSettings of(String edition) {
        return recent.get(edition, code -> stored(code).orElseGet(() -> defaults(code)));
    }

    /** The configuration's values, which an edition shows until an admin saves its settings. */
    public EditionSettings defaults(String edition) {
        List<EditionSettings.SocialAccount> social = site.social().stream()
                .map(a -> new EditionSettings.SocialAccount(a.network(), a.url())).toList();
        SiteProperties.Follow follow = site.follow();
        return new EditionSettings(edition, social, site.apps().appStore(), site.apps().googlePlay(),
                follow == null ? null : follow.network(), null, follow == null ? null : follow.url(), null, null,
                null, null, List.of());
    }

    /** Texts are stored without what XML cannot carry ({@link XmlText}): they reach feeds and the page's metadata. */
    @Transactional
    public void save(EditionSettings settings) {
        jdbc.sql("delete from site_settings where edition = ?").param(settings.edition()).update();
        jdbc.sql("insert into site_settings (edition, social, app_store, google_play, follow_network, follow_text, "
                        + "follow_url, copyright, reuse_policy, updated_at, outlet_name, logo_id, menu) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(settings.edition(), socialColumn(settings.social()), XmlText.line(settings.appStore()),
                        XmlText.line(settings.googlePlay()), XmlText.line(settings.followNetwork()),
                        XmlText.line(settings.followText()), XmlText.line(settings.followUrl()),
                        XmlText.clean(settings.copyright()), XmlText.clean(settings.reusePolicy()),
                        clock.instant().atOffset(ZoneOffset.UTC), XmlText.line(settings.outletName()),
                        settings.logoId(), menuColumn(settings.menu()))
                .update();
        recent.invalidate(settings.edition());
        events.publishEvent(new SiteSettingsChanged(settings.edition()));
    }

    /** Settings were saved, here or on another node: read them again before any page is rendered anew. */
    @OnEveryNode
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(SiteSettingsChanged event) {
        recent.invalidate(event.edition());
    }

    private Optional<EditionSettings> stored(String edition) {
        return jdbc.sql("select * from site_settings where edition = ?").param(edition)
                .query((rs, n) -> new EditionSettings(edition, socialOf(rs.getString("social")),
                        rs.getString("app_store"), rs.getString("google_play"), rs.getString("follow_network"),
                        rs.getString("follow_text"), rs.getString("follow_url"), rs.getString("copyright"),
                        rs.getString("reuse_policy"), rs.getString("outlet_name"), rs.getObject("logo_id", Long.class),
                        menuOf(rs.getString("menu"))))
                .optional();
    }

    /** One account a line, network and address separated by a space; neither may contain one. */
    private static String socialColumn(List<EditionSettings.SocialAccount> social) {
        StringBuilder column = new StringBuilder();
        for (EditionSettings.SocialAccount account : social) {
            column.append(XmlText.line(account.network())).append(' ').append(XmlText.line(account.url())).append('\n');
        }
        return column.toString();
    }

    /** One link a line, address and label separated by a space; the address holds none, the label no line break. */
    private static String menuColumn(List<EditionSettings.MenuLink> menu) {
        StringBuilder column = new StringBuilder();
        for (EditionSettings.MenuLink link : menu) {
            column.append(XmlText.line(link.url())).append(' ').append(XmlText.line(link.label())).append('\n');
        }
        return column.isEmpty() ? null : column.toString();
    }

    private static List<EditionSettings.MenuLink> menuOf(String column) {
        List<EditionSettings.MenuLink> menu = new ArrayList<>();
        for (String line : column == null ? new String[0] : column.split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            if (parts.length == 2) {
                menu.add(new EditionSettings.MenuLink(parts[1], parts[0]));
            }
        }
        return menu;
    }

    private static List<EditionSettings.SocialAccount> socialOf(String column) {
        List<EditionSettings.SocialAccount> social = new ArrayList<>();
        for (String line : column.split("\n")) {
            String[] parts = line.strip().split(" ", 2);
            if (parts.length == 2) {
                social.add(new EditionSettings.SocialAccount(parts[0], parts[1]));
            }
        }
        return social;
    }
}

package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import news.gazette.audit.AuditLog;
import news.gazette.edition.Editions;
import news.gazette.media.MediaLibrary;
import news.gazette.site.EditionSettings;
import news.gazette.site.SiteSettings;
import org.springframework.stereotype.Service;

/**
 * Admins change an edition's site settings. A saved change is audited; the save raises the event that purges every
 * cached page of the edition ({@link news.gazette.site.SiteSettingsChanged}).
 */
@Service
public class SettingsEditing {

    /** How many social accounts the form offers. */
    public static final int SOCIAL_ROWS = EditionSettings.NETWORKS.size();

    /** How many menu links the form offers. */
    public static final int MENU_ROWS = EditionSettings.MENU_LINKS;

    private final SiteSettings settings;
    private final Editions editions;
    private final AuditLog audit;
    private final MediaLibrary media;

    public SettingsEditing(SiteSettings settings, Editions editions, AuditLog audit, MediaLibrary media) {
        this.settings = settings;
        this.editions = editions;
        this.audit = audit;
        this.media = media;
    }

    public EditionSettings of(String edition) {
        checkEdition(edition);
        return settings.of(edition);
    }

    /**
     * Saves the settings when every field is acceptable.
     *
     * @return the problems, empty when the settings were saved
     */
    public List<EditionSettings.Problem> save(Actor actor, EditionSettings changed) {
        checkEdition(changed.edition());
        List<EditionSettings.Problem> problems = new ArrayList<>(changed.problems());
        if (changed.logoId() != null && media.byId(changed.logoId()).isEmpty()) {
            problems.add(new EditionSettings.Problem("logoId", "newsroom.settings.bad-logo"));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        settings.save(changed);
        audit.record(actor.email(), "settings.change", "edition:" + changed.edition(), describe(changed), actor.client());
        return List.of();
    }

    /** Settings as a form sends them: {@code social0.network}, {@code social0.url}… and one field per setting. */
    public static EditionSettings fromForm(String edition, Map<String, String> form) {
        List<EditionSettings.SocialAccount> social = new ArrayList<>();
        for (int i = 0; i < SOCIAL_ROWS; i++) {
            String url = blankToNull(form.get("social" + i + ".url"));
            if (url != null) {
                social.add(new EditionSettings.SocialAccount(form.getOrDefault("social" + i + ".network", ""), url));
            }
        }
        List<EditionSettings.MenuLink> menu = new ArrayList<>();
        for (int row : menuRows(form)) {
            menu.add(new EditionSettings.MenuLink(blankToNull(form.get("menu" + row + ".label")),
                    blankToNull(form.get("menu" + row + ".url"))));
        }
        return new EditionSettings(edition, social, blankToNull(form.get("appStore")),
                blankToNull(form.get("googlePlay")), blankToNull(form.get("followNetwork")),
                blankToNull(form.get("followText")), blankToNull(form.get("followUrl")),
                blankToNull(form.get("copyright")), blankToNull(form.get("reusePolicy")),
                blankToNull(form.get("outletName")), logoId(form.get("logoId")), menu);
    }

    /** The form rows that hold a menu link (a label or an address), in order: problem {@code menuK} is about row K. */
    public static List<Integer> menuRows(Map<String, String> form) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < MENU_ROWS; i++) {
            if (blankToNull(form.get("menu" + i + ".label")) != null || blankToNull(form.get("menu" + i + ".url")) != null) {
                rows.add(i);
            }
        }
        return rows;
    }

    /** The chosen library image; none for an empty choice, and a number no image has for anything unreadable. */
    private static Long logoId(String value) {
        String id = blankToNull(value);
        if (id == null) {
            return null;
        }
        return id.matches("[0-9]{1,18}") ? Long.valueOf(id) : Long.valueOf(-1);
    }

    /** The form rows that hold a social account, in order: problem {@code socialK} is about row {@code get(K)}. */
    public static List<Integer> socialRows(Map<String, String> form) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < SOCIAL_ROWS; i++) {
            if (blankToNull(form.get("social" + i + ".url")) != null) {
                rows.add(i);
            }
        }
        return rows;
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private void checkEdition(String edition) {
        if (edition == null || editions.find(edition).isEmpty()) {
            throw Refusal.notFound();
        }
    }

    private static String describe(EditionSettings s) {
        return "social=" + s.social().size() + " appStore=" + s.appStore() + " googlePlay=" + s.googlePlay()
                + " follow=" + s.followNetwork() + " " + s.followUrl() + " name=" + s.outletName() + " logo="
                + s.logoId() + " menu=" + s.menu().size();
    }
}

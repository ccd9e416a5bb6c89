package news.gazette.edition;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The editions an outlet publishes, from {@code gazette.editions.*}.
 */
@ConfigurationProperties("gazette.editions")
public record EditionProperties(String defaultEdition, List<Entry> list) {

    public record Entry(String code, String language, String name, String label, String outletName) {
    }
}

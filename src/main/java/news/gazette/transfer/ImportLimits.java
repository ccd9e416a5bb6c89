package news.gazette.transfer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much an import may bring: the export file, the images archive unpacked, its entries, one image.
 */
@ConfigurationProperties("gazette.import")
record ImportLimits(@DefaultValue("268435456") long maxFileBytes, @DefaultValue("1073741824") long maxArchiveBytes,
                    @DefaultValue("20000") int maxEntries, @DefaultValue("26214400") long maxImageBytes,
                    @DefaultValue("12000") int maxImageSide) {
}

package news.gazette.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.transfer.ImportReport.Kind;
import news.gazette.transfer.ImportReport.Skip;
import news.gazette.transfer.ImportedImages.Checked;
import news.gazette.transfer.ImportedImages.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a WordPress or Ghost export into an edition. Everything is read and checked first — the file, the whole
 * images archive, every image — and a file or archive that fails is refused before anything changes. Then all
 * writes happen in one transaction; if it fails, the image files it stored are removed again (and if the process dies
 * meanwhile, {@code media/OrphanFiles} removes them at the next start).
 */
@Service
@EnableConfigurationProperties(ImportLimits.class)
public class Importer {

    private static final Logger log = LoggerFactory.getLogger(Importer.class);

    private final Editions editions;
    private final ImportLimits limits;
    private final ImportedImages images;
    private final ImportRun.Parts parts;
    private final TransactionTemplate transaction;

    Importer(Editions editions, ImportLimits limits, ImportedImages images, ImportRun.Parts parts,
             TransactionTemplate transaction) {
        this.editions = editions;
        this.limits = limits;
        this.images = images;
        this.parts = parts;
        this.transaction = transaction;
    }

    public ImportReport run(ImportRequest request) {
        Edition edition = editions.find(request.edition())
                .orElseThrow(() -> new ImportRefused("transfer.refused.edition", String.valueOf(request.edition())));
        SourceExport source = read(request);
        ImportReport report = new ImportReport();
        source.skips().forEach(report::skip);
        Map<String, Checked> checked;
        try (ImageSource uploads = request.images() == null ? ImageSource.none()
                : ImageSource.open(request.images(), limits)) {
            checked = checkImages(source, uploads, report);
        }
        List<Media> stored = new ArrayList<>();
        try {
            transaction.executeWithoutResult(status ->
                    new ImportRun(parts, source, edition, checked, report, stored).write());
        } catch (RuntimeException | Error failed) {
            // Whatever ended the transaction (an OutOfMemoryError too), the files it stored go with its rows. A
            // process that dies here leaves them to media/OrphanFiles at the next start.
            stored.forEach(images::discard);
            log.warn("Import of {} into {} failed; nothing was kept", request.file().getFileName(), edition.code(), failed);
            if (failed instanceof Error error) {
                throw error;
            }
            throw failed instanceof ImportRefused refused ? refused
                    : new ImportRefused("transfer.refused.failed", failed, failed.getClass().getSimpleName());
        }
        return report;
    }

    private SourceExport read(ImportRequest request) {
        try {
            if (!Files.isRegularFile(request.file())) {
                throw new ImportRefused("transfer.refused.file-missing", request.file().getFileName());
            }
            if (Files.size(request.file()) > limits.maxFileBytes()) {
                throw new ImportRefused("transfer.refused.file-too-large", limits.maxFileBytes() / (1024 * 1024));
            }
            if (request.format() == ImportFormat.WORDPRESS) {
                // Streamed: read from the file, one item at a time, on every pass.
                return WordPressExport.read(() -> Files.newInputStream(request.file()), request.pages());
            }
            try (InputStream in = Files.newInputStream(request.file())) {
                return GhostExport.read(in, request.pages());
            }
        } catch (IOException | UncheckedIOException e) {
            throw new ImportRefused("transfer.refused.file-missing", e, request.file().getFileName());
        }
    }

    /** Reads and checks every image the export refers to, before the transaction; each problem is a skip. */
    private Map<String, Checked> checkImages(SourceExport source, ImageSource uploads, ImportReport report) {
        Set<String> paths = new LinkedHashSet<>();
        source.stories().forEach(entry -> {
            if (entry.featuredPath() != null) {
                paths.add(entry.featuredPath());
            }
            paths.addAll(ImportRun.body(source.format(), entry.html()).imagePaths());
        });
        Map<String, Checked> checked = new LinkedHashMap<>();
        for (String path : paths) {
            var bytes = uploads.read(path);
            if (bytes.isEmpty()) {
                report.skip(new Skip(Kind.IMAGE, path, "transfer.skip.image-missing"));
                continue;
            }
            ImportedImages.Check check = ImportedImages.check(path, bytes.get(), limits);
            if (check instanceof Checked image) {
                checked.put(path, image);
            } else if (check instanceof Refusal refusal) {
                report.skip(new Skip(Kind.IMAGE, path, refusal.reason()));
            }
        }
        return checked;
    }
}

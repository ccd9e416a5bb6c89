package news.gazette.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.platform.web.Templates;
import news.gazette.platform.text.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The newsroom's import screen for admins: upload a WordPress or Ghost export and, optionally, a zip of its images;
 * the report is shown on the same page. The same screen downloads the archive of the whole site and restores one
 * into an empty instance. Every import, download and restore is written to the audit log.
 */
@Controller
class ImportPages {

    static final String PATH = "/newsroom/import";
    static final String DOWNLOAD = "/newsroom/archive/download";
    static final String RESTORE = "/newsroom/archive/restore";

    private final Importer importer;
    private final Archives archives;
    private final Editions editions;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Templates templates;
    private final ResourceUrlProvider assets;

    ImportPages(Importer importer, Archives archives, Editions editions, MessageSource messages, AuditLog audit, Templates templates,
                ResourceUrlProvider assets) {
        this.importer = importer;
        this.archives = archives;
        this.editions = editions;
        this.messages = messages;
        this.audit = audit;
        this.templates = templates;
        this.assets = assets;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> form(HttpServletRequest request, CsrfToken csrf) {
        return page(request, csrf, HttpStatus.OK, "", List.of());
    }

    @PostMapping(PATH)
    ResponseEntity<byte[]> upload(@RequestParam(name = "format", defaultValue = "") String format,
                                  @RequestParam(name = "edition", defaultValue = "") String edition,
                                  @RequestParam(name = "pages", defaultValue = "false") boolean pages,
                                  @RequestParam(name = "file", required = false) MultipartFile file,
                                  @RequestParam(name = "images", required = false) MultipartFile images,
                                  HttpServletRequest request, CsrfToken csrf, Principal who) {
        Texts t = texts(request);
        if (file == null || file.isEmpty()) {
            return page(request, csrf, HttpStatus.BAD_REQUEST, t.get("transfer.page.no-file"), List.of());
        }
        Path folder = null;
        try {
            folder = Files.createTempDirectory("gazette-import");
            ImportFormat source = ImportFormat.of(format).orElseThrow(() -> new ImportRefused("transfer.refused.format", format));
            Path export = save(file, folder.resolve("export"));
            Path archive = images == null || images.isEmpty() ? null : save(images, folder.resolve("images.zip"));
            ImportReport report = importer.run(new ImportRequest(source, edition, export, archive, pages));
            audit.record(who.getName(), "import." + source.code(), "edition:" + edition,
                    String.join("; ", report.lines(messages, Locale.ENGLISH).subList(0, ImportReport.Kind.values().length)),
                    request.getRemoteAddr());
            return page(request, csrf, HttpStatus.OK, t.get("transfer.page.done"), report.lines(messages, t.locale()));
        } catch (ImportRefused refused) {
            audit.record(who.getName(), "import.refused", "edition:" + edition, refused.key(), request.getRemoteAddr());
            String reason = messages.getMessage(refused.key(), refused.args(), t.locale());
            return page(request, csrf, HttpStatus.UNPROCESSABLE_CONTENT, t.get("transfer.report.refused", reason), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(folder);
        }
    }

    @GetMapping(DOWNLOAD)
    ResponseEntity<byte[]> download(HttpServletRequest request, Principal who) throws IOException {
        Path folder = Files.createTempDirectory("gazette-archive");
        try {
            Path archive = folder.resolve("archive.zip");
            archives.export(archive);
            audit.record(who.getName(), "archive.export", null, null, request.getRemoteAddr());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .header(HttpHeaders.CONTENT_TYPE, "application/zip")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"gazette-archive.zip\"")
                    .body(Files.readAllBytes(archive));
        } finally {
            delete(folder);
        }
    }

    @PostMapping(RESTORE)
    ResponseEntity<byte[]> restore(@RequestParam(name = "archive", required = false) MultipartFile upload,
                                   HttpServletRequest request, CsrfToken csrf, Principal who) throws IOException {
        Texts t = texts(request);
        if (upload == null || upload.isEmpty()) {
            return page(request, csrf, HttpStatus.BAD_REQUEST, t.get("transfer.page.no-file"), List.of());
        }
        Path folder = Files.createTempDirectory("gazette-archive");
        try {
            archives.restore(save(upload, folder.resolve("archive.zip")));
            audit.record(who.getName(), "archive.restore", null, null, request.getRemoteAddr());
            return page(request, csrf, HttpStatus.OK, t.get("transfer.archive.restored"), List.of());
        } catch (ImportRefused refused) {
            audit.record(who.getName(), "archive.refused", null, refused.key(), request.getRemoteAddr());
            String reason = messages.getMessage(refused.key(), refused.args(), t.locale());
            return page(request, csrf, HttpStatus.UNPROCESSABLE_CONTENT, t.get("transfer.archive.refused", reason), List.of());
        } finally {
            delete(folder);
        }
    }

    private static Path save(MultipartFile upload, Path target) throws IOException {
        try (InputStream in = upload.getInputStream()) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static void delete(Path folder) {
        if (folder == null) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException ignored) {
            // The temporary folder is the system's to clear.
        }
    }

    private ResponseEntity<byte[]> page(HttpServletRequest request, CsrfToken csrf, HttpStatus status, String notice,
                                        List<String> lines) {
        Texts t = texts(request);
        Map<String, Object> params = new HashMap<>();
        String css = assets.getForLookupPath("/assets/css/newsroom.css");
        params.put("css", css == null ? "/assets/css/newsroom.css" : css);
        params.put("t", t);
        params.put("lang", org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage());
        params.put("csrf", csrf);
        params.put("editions", editions.all().stream().map(Edition::code).toList());
        params.put("formats", java.util.Arrays.stream(ImportFormat.values()).map(ImportFormat::code).toList());
        params.put("notice", notice);
        params.put("lines", lines);
        return ResponseEntity.status(status).contentType(Templates.HTML).cacheControl(CacheControl.noStore())
                .body(templates.render("newsroom/import.jte", params));
    }

    private Texts texts(HttpServletRequest request) {
        return new Texts(messages, org.springframework.web.servlet.support.RequestContextUtils.getLocale(request));
    }

}

package news.gazette.newsroom.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.edition.Edition;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaProperties;
import news.gazette.media.MediaRefusedException;
import news.gazette.platform.web.BadRequestException;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.platform.web.Permalinks;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.web.Templates;
import news.gazette.platform.text.Texts;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The media screen: upload, search, describe; and {@code library.json} for the story editor's image picker.
 * Every signed-in role may upload; an image's alt text, caption and credit are changed by its uploader or by an
 * editor or admin. The upload form carries its CSRF token in its address as well as in its body: a request refused
 * for its size has an unreadable body, and still gets a page that says why rather than a bare 403.
 */
@Controller
class MediaDesk {

    private static final int MAX_PAGE = 10_000;

    private final MediaLibrary library;
    private final MediaProperties properties;
    private final Templates templates;
    private final MessageSource messages;
    private final Editions editions;
    private final Permalinks links;
    private final AuditLog audit;
    private final ResourceUrlProvider assets;
    private final ZoneId zone;

    MediaDesk(MediaLibrary library, MediaProperties properties, Templates templates, MessageSource messages,
              Editions editions, Permalinks links, AuditLog audit, ResourceUrlProvider assets, SiteProperties site) {
        this.library = library;
        this.properties = properties;
        this.templates = templates;
        this.messages = messages;
        this.editions = editions;
        this.links = links;
        this.audit = audit;
        this.assets = assets;
        this.zone = site.timeZone();
    }

    @GetMapping("/newsroom/media")
    ResponseEntity<byte[]> list(@RequestParam(name = "q", required = false) String query,
                                @RequestParam(name = "page", defaultValue = "1") int page,
                                HttpServletRequest request, Principal who, CsrfToken csrf) {
        String notice = request.getParameter("uploaded") != null ? "newsroom.media.uploaded" : null;
        return listing(HttpStatus.OK, query, checked(page), request, who, csrf, notice, null);
    }

    @PostMapping("/newsroom/media")
    ResponseEntity<byte[]> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                                  @RequestParam(name = "alt", required = false) String alt,
                                  @RequestParam(name = "caption", required = false) String caption,
                                  @RequestParam(name = "credit", required = false) String credit,
                                  HttpServletRequest request, Principal who, CsrfToken csrf) {
        if (file == null || file.isEmpty()) {
            return refused(MediaRefusedException.Reason.EMPTY, request, who, csrf);
        }
        try (InputStream in = file.getInputStream()) {
            Media media = library.upload(file.getOriginalFilename(), in, who.getName(),
                    new MediaLibrary.Details(alt, caption, credit));
            audit.record(who.getName(), "media.upload", "media:" + media.id(), media.originalName(), request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, "/newsroom/media/" + media.id() + "?uploaded").build();
        } catch (MediaRefusedException e) {
            return refused(e.reason(), request, who, csrf);
        } catch (IOException e) {
            return refused(MediaRefusedException.Reason.CORRUPT, request, who, csrf);
        }
    }

    /** Spring's own multipart limits refuse a request before it reaches {@link #upload}; the answer is the same. */
    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    ResponseEntity<byte[]> multipartRefused(Exception e, HttpServletRequest request, Principal who, CsrfToken csrf) {
        MediaRefusedException.Reason reason = e instanceof MaxUploadSizeExceededException
                || e.getCause() instanceof IllegalStateException ? MediaRefusedException.Reason.TOO_LARGE
                : MediaRefusedException.Reason.CORRUPT;
        return refused(reason, request, who, csrf);
    }

    @GetMapping("/newsroom/media/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> edit(@PathVariable long id, HttpServletRequest request, Principal who, CsrfToken csrf) {
        Media media = library.byId(id).orElseThrow(() -> new PageNotFoundException("No media " + id));
        String notice = request.getParameter("uploaded") != null ? "newsroom.media.uploaded"
                : request.getParameter("saved") != null ? "newsroom.media.saved" : null;
        return editPage(HttpStatus.OK, media, request, who, csrf, notice);
    }

    @PostMapping("/newsroom/media/{id:[0-9]{1,18}}")
    ResponseEntity<byte[]> describe(@PathVariable long id, @RequestParam(name = "alt", required = false) String alt,
                                    @RequestParam(name = "caption", required = false) String caption,
                                    @RequestParam(name = "credit", required = false) String credit,
                                    HttpServletRequest request, Principal who, CsrfToken csrf) {
        Media media;
        try {
            media = library.describe(id, new MediaLibrary.Details(alt, caption, credit), who.getName(),
                    request.isUserInRole("EDITOR")).orElseThrow(() -> new PageNotFoundException("No media " + id));
        } catch (SecurityException notYours) {
            return editPage(HttpStatus.FORBIDDEN, library.byId(id).orElseThrow(), request, who, csrf,
                    "newsroom.media.not-yours");
        }
        audit.record(who.getName(), "media.describe", "media:" + id, media.alt(), request.getRemoteAddr());
        return ResponseEntity.status(HttpStatus.SEE_OTHER).header(HttpHeaders.LOCATION, "/newsroom/media/" + id + "?saved")
                .build();
    }

    /** The story editor's image picker: images with alt text (all of them with {@code all=true}), newest first. */
    @GetMapping(path = "/newsroom/media/library.json", produces = "application/json")
    @ResponseBody
    ResponseEntity<MediaItem.Page> libraryJson(@RequestParam(name = "q", required = false) String query,
                                               @RequestParam(name = "page", defaultValue = "1") int page,
                                               @RequestParam(name = "all", defaultValue = "false") boolean all) {
        MediaLibrary.Page found = library.search(query, checked(page), all);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new MediaItem.Page(found.items().stream().map(this::item).toList(), found.next()));
    }

    private static int checked(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw new BadRequestException("No page " + page);
        }
        return page;
    }

    private MediaItem item(Media m) {
        return new MediaItem(m.id(), links.media(m.fileName()), links.media(m.fileNameFor(320)), m.srcset(links::media),
                m.alt(), m.caption(), m.credit(), m.width(), m.height());
    }

    private ResponseEntity<byte[]> refused(MediaRefusedException.Reason reason, HttpServletRequest request,
                                           Principal who, CsrfToken csrf) {
        HttpStatus status = statusOf(reason);
        ResponseEntity<byte[]> page = listing(status, null, 1, request, who, csrf, reason.messageKey(), reason);
        if (reason != MediaRefusedException.Reason.BUSY) {
            return page;
        }
        return ResponseEntity.status(status).headers(page.getHeaders()).header(HttpHeaders.RETRY_AFTER, "30")
                .body(page.getBody());
    }

    /** The status an upload refused for this reason gets, on the media screen and in the picker alike. */
    static HttpStatus statusOf(MediaRefusedException.Reason reason) {
        return switch (reason) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case NOT_AN_IMAGE, SVG -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case EMPTY -> HttpStatus.BAD_REQUEST;
            case TOO_MANY_PIXELS, CORRUPT -> HttpStatus.UNPROCESSABLE_CONTENT;
            case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    private ResponseEntity<byte[]> listing(HttpStatusCode status, String query, int page, HttpServletRequest request,
                                           Principal who, CsrfToken csrf, String notice, MediaRefusedException.Reason refusal) {
        Texts t = texts(request);
        MediaLibrary.Page found = library.search(query, page, true);
        boolean editor = request.isUserInRole("EDITOR");
        List<MediaRow> rows = found.items().stream().map(m -> row(m, t, who, editor)).toList();
        Map<String, Object> params = new HashMap<>();
        params.put("query", query == null ? "" : query);
        params.put("queryParam", query == null ? "" : URLEncoder.encode(query, StandardCharsets.UTF_8));
        params.put("maxMegabytes", properties.maxFileSize().toMegabytes());
        params.put("maxMegapixels", properties.maxPixels() / 1_000_000);
        params.put("maxSide", properties.maxSide());
        params.put("page", page);
        params.put("next", found.next());
        params.put("rows", rows);
        params.put("error", refusal != null);
        params.put("notice", notice == null ? "" : t.get(notice, properties.maxFileSize().toMegabytes(),
                properties.maxPixels() / 1_000_000, properties.maxSide()));
        return page(status, "newsroom/media.jte", t, request, csrf, params);
    }

    private ResponseEntity<byte[]> editPage(HttpStatusCode status, Media media, HttpServletRequest request, Principal who,
                                            CsrfToken csrf, String notice) {
        Texts t = texts(request);
        Map<String, Object> params = new HashMap<>();
        params.put("row", row(media, t, who, request.isUserInRole("EDITOR")));
        params.put("notice", notice == null ? "" : t.get(notice));
        params.put("error", status.isError());
        return page(status, "newsroom/media-edit.jte", t, request, csrf, params);
    }

    private MediaRow row(Media m, Texts t, Principal who, boolean editor) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        return new MediaRow(item(m), m.originalName() == null ? m.fileName() : m.originalName(),
                m.uploadedBy() == null ? "" : m.uploadedBy(), m.uploadedAt() == null ? "" : format.format(m.uploadedAt()),
                editor || who.getName().equals(m.uploadedBy()));
    }

    private ResponseEntity<byte[]> page(HttpStatusCode status, String template, Texts t, HttpServletRequest request,
                                        CsrfToken csrf, Map<String, Object> params) {
        params.put("t", t);
        params.put("csrf", csrf);
        params.put("lang", org.springframework.web.servlet.support.RequestContextUtils.getLocale(request).getLanguage());
        String css = assets.getForLookupPath("/assets/css/newsroom.css");
        params.put("css", css == null ? "/assets/css/newsroom.css" : css);
        return ResponseEntity.status(status).contentType(Templates.HTML).cacheControl(CacheControl.noStore())
                .body(templates.render(template, params));
    }

    private Texts texts(HttpServletRequest request) {
        return new Texts(messages, org.springframework.web.servlet.support.RequestContextUtils.getLocale(request));
    }

    /** The newsroom speaks the reader's best edition language, from {@code Accept-Language}. */
    private Edition edition(HttpServletRequest request) {
        return editions.bestFor(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    }
}

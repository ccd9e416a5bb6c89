package news.gazette.newsroom.media;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.audit.AuditLog;
import news.gazette.edition.Editions;
import news.gazette.media.Media;
import news.gazette.media.MediaEditions;
import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaProperties;
import news.gazette.media.MediaRefusedException;
import news.gazette.newsroom.Screens;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.Permalinks;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryBodies;
import news.gazette.story.StoryPolicy;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The story editor's media picker (ADR 110), in JSON: a page of the library (words, edition, "used in this story"),
 * the story's own images however old, an upload in place, and filling in what the library does not say about an
 * image yet. Every signed-in role may use it (the newsroom's filter chain signs strangers out and checks the CSRF
 * token of every POST); a story named must be one the account may open. Every refusal is a problem detail in the
 * account's language.
 */
@RestController
class MediaPicker {

    private static final int MAX_PAGE = 10_000;
    private static final int MAX_IDS = 100;

    private final PickerSearch search;
    private final MediaLibrary library;
    private final MediaEditions mediaEditions;
    private final MediaProperties properties;
    private final Stories stories;
    private final StoryPolicy policy;
    private final Editions editions;
    private final Screens screens;
    private final Permalinks links;
    private final AuditLog audit;

    MediaPicker(PickerSearch search, MediaLibrary library, MediaEditions mediaEditions, MediaProperties properties,
                Stories stories, StoryPolicy policy, Editions editions, Screens screens, Permalinks links,
                AuditLog audit) {
        this.search = search;
        this.library = library;
        this.mediaEditions = mediaEditions;
        this.properties = properties;
        this.stories = stories;
        this.policy = policy;
        this.editions = editions;
        this.screens = screens;
        this.links = links;
        this.audit = audit;
    }

    /** A refusal answered as a problem detail; thrown by the checks below. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;
        private final String key;

        Refused(HttpStatus status, String key) {
            super(key, null, false, false);
            this.status = status;
            this.key = key;
        }
    }

    @GetMapping(path = "/newsroom/media/picker.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PickerItem.Page> page(@RequestParam(name = "q", required = false) String words,
                                         @RequestParam(name = "edition", required = false) String edition,
                                         @RequestParam(name = "used", required = false) String used,
                                         @RequestParam(name = "ids", required = false) String ids,
                                         @RequestParam(name = "story", required = false) String storyId,
                                         @RequestParam(name = "page", required = false) String pageNumber,
                                         HttpServletRequest request) {
        int page = number(pageNumber, 1, MAX_PAGE, "newsroom.picker.bad-page");
        Story story = storyId == null || storyId.isBlank() ? null : story(storyId, request);
        Set<Long> own = new LinkedHashSet<>(ids(ids));
        if (story != null) {
            own.addAll(imagesOf(story));
        }
        String code = edition == null || edition.isBlank() ? null : editions.find(edition)
                .orElseThrow(() -> new Refused(HttpStatus.BAD_REQUEST, "newsroom.picker.bad-edition")).code();
        boolean onlyUsed = "true".equals(used) || "on".equals(used);
        PickerSearch.Found found = search.find(new PickerSearch.Query(words, code, onlyUsed ? own : null, page));
        List<PickerItem> mine = page == 1 ? search.inOrder(new ArrayList<>(own)).stream().map(this::item).toList()
                : List.of();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new PickerItem.Page(
                found.items().stream().map(this::item).toList(), found.next(), page, mine));
    }

    /** An upload from the picker: stored as the media screen stores it, and brought in for the story's edition. */
    @PostMapping(path = "/newsroom/media/picker/upload", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> upload(@RequestParam(name = "file", required = false) MultipartFile file,
                             @RequestParam(name = "alt", required = false) String alt,
                             @RequestParam(name = "caption", required = false) String caption,
                             @RequestParam(name = "credit", required = false) String credit,
                             @RequestParam(name = "edition", required = false) String edition,
                             HttpServletRequest request) {
        String code = edition == null || edition.isBlank() ? null : editions.find(edition)
                .orElseThrow(() -> new Refused(HttpStatus.BAD_REQUEST, "newsroom.picker.bad-edition")).code();
        if (file == null || file.isEmpty()) {
            return refusedUpload(MediaRefusedException.Reason.EMPTY, request);
        }
        String who = request.getUserPrincipal().getName();
        try (InputStream in = file.getInputStream()) {
            Media media = library.upload(file.getOriginalFilename(), in, who, new MediaLibrary.Details(alt, caption, credit));
            if (code != null) {
                mediaEditions.bringIn(media.id(), code);
            }
            audit.record(who, "media.upload", "media:" + media.id(), media.originalName(), request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, "/newsroom/media/" + media.id())
                    .cacheControl(CacheControl.noStore()).body(item(media));
        } catch (MediaRefusedException e) {
            return refusedUpload(e.reason(), request);
        } catch (IOException e) {
            return refusedUpload(MediaRefusedException.Reason.CORRUPT, request);
        }
    }

    /**
     * Fills in what the library does not say about an image yet (a picture just uploaded): the alt text, caption and
     * credit written in the picker go to the library only where it has none, so the next story finds them there.
     * Its uploader may, and so may editors and admins, as on the media screen.
     */
    @PostMapping(path = "/newsroom/media/picker/{id:[0-9]{1,18}}/describe", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PickerItem> describe(@PathVariable long id, @RequestParam(name = "alt", required = false) String alt,
                                        @RequestParam(name = "caption", required = false) String caption,
                                        @RequestParam(name = "credit", required = false) String credit,
                                        HttpServletRequest request) {
        Media media = library.byId(id).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "newsroom.picker.not-found"));
        MediaLibrary.Details details = new MediaLibrary.Details(either(media.alt(), alt), either(media.caption(), caption),
                either(media.credit(), credit));
        String who = request.getUserPrincipal().getName();
        Media described;
        try {
            described = library.describe(id, details, who, request.isUserInRole("EDITOR"))
                    .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "newsroom.picker.not-found"));
        } catch (SecurityException notYours) {
            throw new Refused(HttpStatus.FORBIDDEN, "newsroom.picker.not-yours");
        }
        audit.record(who, "media.describe", "media:" + id, described.alt(), request.getRemoteAddr());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(item(described));
    }

    @ExceptionHandler(Refused.class)
    ResponseEntity<ProblemDetail> refused(Refused refused, HttpServletRequest request) {
        return problem(refused.status, screens.texts(request).get(refused.key), request);
    }

    /** Spring's own multipart limits refuse a request before {@link #upload} reads it; the answer is the same. */
    @ExceptionHandler({MaxUploadSizeExceededException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> multipartRefused(Exception e, HttpServletRequest request) {
        return refusedUpload(e instanceof MaxUploadSizeExceededException || e.getCause() instanceof IllegalStateException
                ? MediaRefusedException.Reason.TOO_LARGE : MediaRefusedException.Reason.CORRUPT, request);
    }

    private ResponseEntity<ProblemDetail> refusedUpload(MediaRefusedException.Reason reason, HttpServletRequest request) {
        HttpStatus status = MediaDesk.statusOf(reason);
        String detail = screens.texts(request).get(reason.messageKey(), properties.maxFileSize().toMegabytes(),
                properties.maxPixels() / 1_000_000, properties.maxSide());
        ResponseEntity<ProblemDetail> answer = problem(status, detail, request);
        return reason != MediaRefusedException.Reason.BUSY ? answer
                : ResponseEntity.status(status).headers(answer.getHeaders()).header(HttpHeaders.RETRY_AFTER, "30")
                .body(answer.getBody());
    }

    private ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        if (status == HttpStatus.BAD_REQUEST || status == HttpStatus.FORBIDDEN || status == HttpStatus.NOT_FOUND) {
            Texts t = screens.texts(request);
            problem.setTitle(t.get("newsroom.error." + status.value()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .cacheControl(CacheControl.noStore()).body(problem);
    }

    private Story story(String id, HttpServletRequest request) {
        if (!id.matches("[0-9]{1,18}")) {
            throw new Refused(HttpStatus.BAD_REQUEST, "newsroom.picker.bad-story");
        }
        Story story = stories.find(Long.parseLong(id))
                .orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND, "newsroom.picker.no-story"));
        if (!policy.allows(screens.storyActor(request), story, StoryAction.VIEW)) {
            throw new Refused(HttpStatus.FORBIDDEN, "newsroom.picker.not-allowed");
        }
        return story;
    }

    /** The story's featured image first, then the images in its text, in their order. */
    private static List<Long> imagesOf(Story story) {
        List<Long> ids = new ArrayList<>();
        if (story.image() != null) {
            ids.add(story.image().mediaId());
        }
        ids.addAll(StoryBodies.mediaIds(StoryBodies.parse(story.body())));
        return ids;
    }

    private static List<Long> ids(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_IDS) {
            throw new Refused(HttpStatus.BAD_REQUEST, "newsroom.picker.bad-ids");
        }
        List<Long> ids = new ArrayList<>();
        for (String part : parts) {
            if (!part.strip().matches("[0-9]{1,18}")) {
                throw new Refused(HttpStatus.BAD_REQUEST, "newsroom.picker.bad-ids");
            }
            ids.add(Long.parseLong(part.strip()));
        }
        return ids;
    }

    private static int number(String text, int min, int max, String key) {
        if (text == null || text.isBlank()) {
            return min;
        }
        if (!text.matches("[0-9]{1,9}") || Integer.parseInt(text) < min || Integer.parseInt(text) > max) {
            throw new Refused(HttpStatus.BAD_REQUEST, key);
        }
        return Integer.parseInt(text);
    }

    private static String either(String stored, String sent) {
        return stored != null && !stored.isBlank() ? stored : sent;
    }

    private PickerItem item(Media m) {
        return new PickerItem(m.id(), links.media(m.fileNameFor(320)), links.media(m.fileNameFor(640)),
                m.srcset(links::media), m.alt() == null ? "" : m.alt(), m.caption() == null ? "" : m.caption(),
                m.credit() == null ? "" : m.credit(), m.width(), m.height(),
                m.originalName() == null || m.originalName().isBlank() ? m.fileName() : m.originalName());
    }
}

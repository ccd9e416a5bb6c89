package news.gazette.newsroom.desk;

import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.newsroom.Screens;
import news.gazette.platform.SiteProperties;
import news.gazette.platform.text.Texts;
import news.gazette.platform.web.PageNotFoundException;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.DeskQuery;
import news.gazette.story.DeskSearch;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.Story;
import news.gazette.story.StoryAction;
import news.gazette.story.StoryActor;
import news.gazette.story.StoryNotFoundException;
import news.gazette.story.StoryPolicy;
import news.gazette.story.StoryStatus;
import news.gazette.newsroom.desk.DeskView.Choice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The desk: every story of every edition, a page at a time, found by words, filters and views, in the order asked
 * (ADR 91), with the publish and unpublish buttons the role may use. Newsroom pages are never cached.
 */
@Controller
class DeskPages {

    private final Stories stories;
    private final DeskSearch search;
    private final Publishing publishing;
    private final ZoneId zone;
    private final Screens screens;
    private final StoryPolicy policy;
    private final Sections sections;
    private final Authors authors;
    private final Clock clock;

    DeskPages(Stories stories, DeskSearch search, Publishing publishing, StoryPolicy policy, SiteProperties site,
              Screens screens, Sections sections, Authors authors, Clock clock) {
        this.screens = screens;
        this.stories = stories;
        this.search = search;
        this.publishing = publishing;
        this.policy = policy;
        this.sections = sections;
        this.authors = authors;
        this.clock = clock;
        this.zone = site.timeZone();
    }

    @GetMapping({"/newsroom", "/newsroom/"})
    ResponseEntity<byte[]> desk(HttpServletRequest request, CsrfToken csrf) {
        DeskFilters filters = DeskFilters.of(request);
        if (filters.edition() != null) {
            screens.edition(filters.edition(), request);
        }
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(zone);
        StoryActor actor = screens.storyActor(request);
        DeskSearch.DeskPage found = search.find(filters.query(new DeskQuery.Owner(actor.email(), actor.accountId()),
                clock.instant(), zone));
        Map<Long, Section> sectionsById = screens.editionCodes().stream()
                .flatMap(code -> sections.inEdition(code).stream())
                .collect(Collectors.toMap(Section::id, Function.identity()));
        List<DeskRow> rows = found.stories().stream().map(s -> row(s, actor, t, format, sectionsById)).toList();
        String notice = request.getParameter("refused") != null ? t.get("newsroom.desk.refused") : "";
        return screens.page(HttpStatus.OK, "newsroom/desk.jte", request, Map.of("csrf", csrf,
                "account", actor.email(), "rows", rows, "desk", view(filters, found, t, sectionsById),
                "notice", notice, "here", "review".equals(filters.view()) ? "review" : "desk"));
    }

    private DeskRow row(DeskSearch.DeskStory s, StoryActor actor, Texts t, DateTimeFormatter format,
                        Map<Long, Section> sectionsById) {
        Set<StoryAction> may = stories.find(s.id()).map(story -> policy.allowed(actor, story)).orElse(Set.of());
        Section section = sectionsById.get(s.sectionId());
        return new DeskRow(s.id(), s.headline(), s.edition(), section == null ? "" : section.name(),
                t.get("newsroom.status." + s.status().column()), s.status().column(),
                s.createdBy() == null ? "" : s.createdBy(), format.format(s.changedAt()),
                s.publishedAt() == null ? "" : format.format(s.publishedAt()), s.views(),
                may.contains(StoryAction.PUBLISH) && s.status().canMoveTo(StoryStatus.PUBLISHED),
                may.contains(StoryAction.UNPUBLISH) && s.status().canMoveTo(StoryStatus.UNPUBLISHED),
                may.contains(StoryAction.EDIT));
    }

    private DeskView view(DeskFilters f, DeskSearch.DeskPage found, Texts t, Map<Long, Section> sectionsById) {
        List<Choice> editions = screens.editionCodes().stream()
                .map(code -> new Choice(code, code, f.with("edition", code), code.equals(f.edition()))).toList();
        List<Choice> statuses = new ArrayList<>();
        for (StoryStatus status : StoryStatus.values()) {
            statuses.add(new Choice(status.column(), t.get("newsroom.status." + status.column()),
                    f.with("status", status.column()), status.column().equals(f.status())));
        }
        List<Choice> sectionChoices = sectionsById.values().stream()
                .filter(s -> f.edition() == null || s.edition().equals(f.edition()))
                .sorted(java.util.Comparator.comparing(Section::edition).thenComparing(Section::position))
                .map(s -> new Choice(Long.toString(s.id()), s.name() + " (" + s.edition() + ")",
                        f.with("section", Long.toString(s.id())), Long.valueOf(s.id()).equals(f.section())))
                .toList();
        List<Choice> authorChoices = screens.editionCodes().stream()
                .filter(code -> f.edition() == null || code.equals(f.edition()))
                .flatMap(code -> authors.inEdition(code).stream())
                .sorted(java.util.Comparator.comparing(Author::name))
                .map(a -> new Choice(Long.toString(a.id()), a.name() + " (" + a.edition() + ")",
                        f.with("author", Long.toString(a.id())), Long.valueOf(a.id()).equals(f.author())))
                .toList();
        List<Choice> sorts = DeskFilters.SORTS.stream()
                .map(s -> new Choice(s, t.get("newsroom.desk.sort." + s), f.with("sort", s),
                        s.equals(f.sort() == null ? "updated" : f.sort())))
                .toList();
        List<Choice> views = new ArrayList<>();
        views.add(new Choice("", t.get("newsroom.desk.view.all"), f.view(null), f.view() == null));
        for (String name : DeskFilters.VIEWS) {
            views.add(new Choice(name, t.get("newsroom.desk.view." + name), f.view(name), name.equals(f.view())));
        }
        String edition = f.edition() == null ? screens.editionCodes().get(0) : f.edition();
        return new DeskView(f.edition() == null ? "" : f.edition(), f.view() == null ? "" : f.view(),
                f.status() == null ? "" : f.status(), f.section() == null ? "" : f.section().toString(),
                f.author() == null ? "" : f.author().toString(), f.q() == null ? "" : f.q(),
                f.from() == null ? "" : f.from().toString(), f.to() == null ? "" : f.to().toString(),
                f.sort() == null ? "updated" : f.sort(), editions, statuses, sectionChoices, authorChoices, sorts,
                views, found.page(), found.page() > 1 ? f.page(found.page() - 1) : null,
                found.hasNext() ? f.page(found.page() + 1) : null, "/newsroom/stories/new?edition=" + edition);
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/publish")
    ResponseEntity<?> publish(@PathVariable long id, HttpServletRequest request) {
        return change(id, request, () -> publishing.publish(id, screens.storyActor(request)));
    }

    @PostMapping("/newsroom/stories/{id:[0-9]{1,18}}/unpublish")
    ResponseEntity<?> unpublish(@PathVariable long id, HttpServletRequest request) {
        return change(id, request, () -> publishing.unpublish(id, screens.storyActor(request)));
    }

    /** The desk's publish and unpublish buttons; {@link Publishing} asks the policy and writes the audit log. */
    private ResponseEntity<?> change(long id, HttpServletRequest request, Runnable change) {
        Story story = stories.find(id).orElseThrow(() -> new PageNotFoundException("No story " + id));
        String back = request.getParameter("from") == null ? "/newsroom?edition=" + story.edition()
                : "/newsroom/stories/" + id + "/edit?moved";
        try {
            change.run();
        } catch (IllegalStateException refused) {
            return Screens.redirect(back + (back.contains("?") ? "&" : "?") + "refused");
        } catch (StoryNotFoundException gone) {
            throw new PageNotFoundException("No story " + id);
        }
        return Screens.redirect(back);
    }
}

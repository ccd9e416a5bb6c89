package news.gazette.newsroom.api;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.administration.Catalogue;

import java.security.Principal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.TagMaintenance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sections, tags and author profiles over JSON, for editors and admins: {@code /newsroom/api/v1/sections}, {@code /tags},
 * {@code /authors}.
 */
@RestController
class CatalogueApi extends ApiProblems {

    private final Catalogue catalogue;
    private final Sections sections;
    private final TagMaintenance tags;
    private final Authors authors;

    CatalogueApi(Screens screens, Catalogue catalogue, Sections sections, TagMaintenance tags, Authors authors) {
        super(screens);
        this.catalogue = catalogue;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
    }

    @GetMapping(ApiSecurity.BASE + "/sections")
    List<Section> sections(@RequestParam String edition, HttpServletRequest request) {
        return sections.inEdition(screens.edition(edition, request).code());
    }

    @PostMapping(ApiSecurity.BASE + "/sections")
    ResponseEntity<Section> createSection(@RequestBody SectionBody body, Principal who, HttpServletRequest request) {
        Section section = catalogue.createSection(actor(who, request), body.edition(), body.slug(), body.name(),
                body.description() == null ? "" : body.description());
        return ResponseEntity.status(HttpStatus.CREATED).body(section);
    }

    @PutMapping(ApiSecurity.BASE + "/sections/{id}")
    Section describeSection(@PathVariable long id, @RequestBody SectionBody body, Principal who,
                            HttpServletRequest request) {
        catalogue.describeSection(actor(who, request), id, body.name(), body.description() == null ? "" : body.description());
        return catalogue.section(id);
    }

    @PostMapping(ApiSecurity.BASE + "/sections/{id}/move")
    List<Section> moveSection(@PathVariable long id, @RequestBody MoveBody body, Principal who,
                              HttpServletRequest request) {
        catalogue.moveSection(actor(who, request), id, body.direction());
        return sections.inEdition(catalogue.section(id).edition());
    }

    @DeleteMapping(ApiSecurity.BASE + "/sections/{id}")
    ResponseEntity<Void> deleteSection(@PathVariable long id, Principal who, HttpServletRequest request) {
        catalogue.deleteSection(actor(who, request), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ApiSecurity.BASE + "/tags")
    List<TagMaintenance.TagUse> tags(@RequestParam String edition, HttpServletRequest request) {
        return tags.inEdition(screens.edition(edition, request).code());
    }

    @PutMapping(ApiSecurity.BASE + "/tags/{id}")
    ResponseEntity<Void> renameTag(@PathVariable long id, @RequestBody NameBody body, Principal who,
                                   HttpServletRequest request) {
        catalogue.renameTag(actor(who, request), id, body.name());
        return ResponseEntity.noContent().build();
    }

    @PostMapping(ApiSecurity.BASE + "/tags/{id}/merge")
    ResponseEntity<Void> mergeTag(@PathVariable long id, @RequestBody MergeBody body, Principal who,
                                  HttpServletRequest request) {
        if (body.into() == null) {
            throw Refusal.invalid("newsroom.tags.bad-target");
        }
        catalogue.mergeTag(actor(who, request), id, body.into());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping(ApiSecurity.BASE + "/tags/{id}")
    ResponseEntity<Void> deleteTag(@PathVariable long id, Principal who, HttpServletRequest request) {
        catalogue.deleteTag(actor(who, request), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(ApiSecurity.BASE + "/authors")
    List<Author> authors(@RequestParam String edition, HttpServletRequest request) {
        return authors.inEdition(screens.edition(edition, request).code());
    }

    @PostMapping(ApiSecurity.BASE + "/authors")
    ResponseEntity<Author> createAuthor(@RequestBody AuthorBody body, Principal who, HttpServletRequest request) {
        Author author = catalogue.createAuthor(actor(who, request), body.edition(), body.form());
        return ResponseEntity.status(HttpStatus.CREATED).body(catalogue.author(author.id()));
    }

    @PutMapping(ApiSecurity.BASE + "/authors/{id}")
    Author updateAuthor(@PathVariable long id, @RequestBody AuthorBody body, Principal who,
                        HttpServletRequest request) {
        catalogue.updateAuthor(actor(who, request), id, body.form());
        return catalogue.author(id);
    }

    record SectionBody(String edition, String slug, String name, String description) {
    }

    record MoveBody(String direction) {
    }

    record NameBody(String name) {
    }

    record MergeBody(Long into) {
    }

    record AuthorBody(String edition, String slug, String name, String bio, Long photoId, Long accountId) {

        Catalogue.AuthorForm form() {
            return new Catalogue.AuthorForm(slug, name, bio, photoId, accountId);
        }
    }
}

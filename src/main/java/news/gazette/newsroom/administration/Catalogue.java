package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;

import java.util.List;

import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.audit.AuditLog;
import news.gazette.account.Accounts;
import news.gazette.edition.Editions;
import news.gazette.media.MediaLibrary;
import news.gazette.section.Section;
import news.gazette.section.Sections;
import news.gazette.story.Publishing;
import news.gazette.story.Tag;
import news.gazette.story.TagMaintenance;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * What editors change about an edition's sections, tags and author profiles. Each change is audited; the modules
 * that own sections, tags and authors raise the events every node's page cache and search index follow.
 */
@Service
public class Catalogue {

    private final Sections sections;
    private final TagMaintenance tags;
    private final Authors authors;
    private final Accounts accounts;
    private final MediaLibrary media;
    private final Editions editions;
    private final AuditLog audit;
    private final Publishing publishing;

    public Catalogue(Sections sections, TagMaintenance tags, Authors authors, Accounts accounts, MediaLibrary media,
              Editions editions, AuditLog audit, Publishing publishing) {
        this.publishing = publishing;
        this.sections = sections;
        this.tags = tags;
        this.authors = authors;
        this.accounts = accounts;
        this.media = media;
        this.editions = editions;
        this.audit = audit;
    }

    // Sections

    public Section section(long id) {
        return sections.byId(id).orElseThrow(Refusal::notFound);
    }

    public Section createSection(Actor actor, String edition, String slug, String name, String description) {
        checkEdition(edition);
        String cleanSlug = slug == null ? "" : slug.strip();
        if (!Sections.usableSlug(cleanSlug)) {
            throw Refusal.invalid("newsroom.sections.bad-slug");
        }
        checkText(name, 1, 120, "newsroom.sections.bad-name");
        checkText(description, 0, 300, "newsroom.sections.bad-description");
        if (sections.find(edition, cleanSlug).isPresent()) {
            throw Refusal.conflict("newsroom.sections.slug-taken");
        }
        Section section;
        try {
            section = sections.append(edition, cleanSlug, name.strip(), description.strip());
        } catch (DataIntegrityViolationException taken) {
            throw Refusal.conflict("newsroom.sections.slug-taken");
        }
        audit.record(actor.email(), "section.create", "section:" + section.id(), edition + "/" + cleanSlug, actor.client());
        return section;
    }

    public void describeSection(Actor actor, long id, String name, String description) {
        Section section = section(id);
        checkText(name, 1, 120, "newsroom.sections.bad-name");
        checkText(description, 0, 300, "newsroom.sections.bad-description");
        sections.describe(id, name.strip(), description.strip());
        audit.record(actor.email(), "section.describe", "section:" + id, section.name() + " → " + name.strip(),
                actor.client());
    }

    public void moveSection(Actor actor, long id, String direction) {
        Section section = section(id);
        int step = switch (direction == null ? "" : direction) {
            case "-1", "up" -> -1;
            case "1", "down" -> 1;
            default -> throw Refusal.invalid("newsroom.problem.bad-request");
        };
        sections.move(id, step);
        audit.record(actor.email(), "section.move", "section:" + id, direction, actor.client());
    }

    /** Lists a section in the reader site's menu or keeps it out of it. */
    public void showSectionInMenu(Actor actor, long id, String shown) {
        section(id);
        boolean show = switch (shown == null ? "" : shown) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.invalid("newsroom.problem.bad-request");
        };
        sections.showInMenu(id, show);
        audit.record(actor.email(), "section.menu", "section:" + id, Boolean.toString(show), actor.client());
    }

    public void deleteSection(Actor actor, long id) {
        Section section = section(id);
        long stories = sections.storyCount(id);
        if (stories > 0 || !sections.deleteIfEmpty(id)) {
            throw Refusal.conflict("newsroom.sections.not-empty", section.name(), Math.max(stories, 1));
        }
        audit.record(actor.email(), "section.delete", "section:" + id, section.edition() + "/" + section.slug(),
                actor.client());
    }

    // Tags

    public Tag tag(long id) {
        return tags.byId(id).orElseThrow(Refusal::notFound);
    }

    public void renameTag(Actor actor, long id, String name) {
        Tag tag = tag(id);
        checkText(name, 1, 120, "newsroom.tags.bad-name");
        tags.rename(id, name.strip());
        audit.record(actor.email(), "tag.rename", "tag:" + id, tag.name() + " → " + name.strip(), actor.client());
    }

    public void mergeTag(Actor actor, long id, long intoId) {
        Tag from = tag(id);
        Tag into = tags.byId(intoId).orElseThrow(() -> Refusal.invalid("newsroom.tags.bad-target"));
        if (from.id() == into.id() || !from.edition().equals(into.edition())) {
            throw Refusal.invalid("newsroom.tags.bad-target");
        }
        tags.merge(id, intoId);
        audit.record(actor.email(), "tag.merge", "tag:" + id, from.name() + " → " + into.name() + " (tag:" + intoId + ")",
                actor.client());
    }

    public void deleteTag(Actor actor, long id) {
        Tag tag = tag(id);
        tags.delete(id);
        audit.record(actor.email(), "tag.delete", "tag:" + id, tag.edition() + "/" + tag.slug(), actor.client());
    }

    // Author profiles

    public Author author(long id) {
        return authors.byId(id).orElseThrow(Refusal::notFound);
    }

    public Author createAuthor(Actor actor, String edition, AuthorForm form) {
        checkEdition(edition);
        check(form);
        if (authors.find(edition, form.slug()).isPresent()) {
            throw Refusal.conflict("newsroom.authors.slug-taken");
        }
        Author author;
        try {
            author = authors.create(edition, form.slug(), form.name(), form.bio(), form.photoId(), form.role());
            authors.linkAccount(author.id(), form.accountId());
        } catch (DataIntegrityViolationException taken) {
            throw Refusal.conflict("newsroom.authors.slug-taken");
        }
        audit.record(actor.email(), "author.create", "author:" + author.id(), edition + "/" + form.slug(), actor.client());
        return author;
    }

    public void updateAuthor(Actor actor, long id, AuthorForm form) {
        Author author = author(id);
        check(form);
        if (!author.slug().equals(form.slug()) && authors.find(author.edition(), form.slug()).isPresent()) {
            throw Refusal.conflict("newsroom.authors.slug-taken");
        }
        try {
            authors.update(id, form.slug(), form.name(), form.bio(), form.photoId(), form.accountId(), form.role());
        } catch (DataIntegrityViolationException taken) {
            throw Refusal.conflict("newsroom.authors.slug-taken");
        }
        audit.record(actor.email(), "author.update", "author:" + id, author.name() + " → " + form.name()
                + (form.accountId() == null ? "" : " (account:" + form.accountId() + ")"), actor.client());
        if (!author.name().equals(form.name().strip()) || !author.slug().equals(form.slug())) {
            // The byline's name and address are in the search index and the API's representation of each story.
            publishing.relabelled(authors.storiesOf(id));
        }
    }

    private void check(AuthorForm form) {
        if (!Authors.usableSlug(form.slug())) {
            throw Refusal.invalid("newsroom.authors.bad-slug");
        }
        checkText(form.name(), 1, 160, "newsroom.authors.bad-name");
        if (form.bio().length() > 1000 || form.bio().chars().anyMatch(c -> c < ' ' && c != '\n' && c != '\r')) {
            throw Refusal.invalid("newsroom.authors.bad-bio");
        }
        checkText(form.role(), 0, 160, "newsroom.authors.bad-role");
        if (form.photoId() != null && media.byId(form.photoId()).isEmpty()) {
            throw Refusal.invalid("newsroom.authors.bad-photo");
        }
        if (form.accountId() != null && accounts.byId(form.accountId()).isEmpty()) {
            throw Refusal.invalid("newsroom.authors.bad-account");
        }
    }

    private void checkEdition(String edition) {
        if (edition == null || editions.find(edition).isEmpty()) {
            throw Refusal.invalid("newsroom.problem.bad-edition");
        }
    }

    private static void checkText(String value, int min, int max, String key) {
        String text = value == null ? "" : value.strip();
        if (text.length() < min || text.length() > max || text.chars().anyMatch(c -> c < ' ')) {
            throw Refusal.invalid(key);
        }
    }

    /** An author profile as a form or a request gives it. */
    public record AuthorForm(String slug, String name, String bio, Long photoId, Long accountId, String role) {

        public AuthorForm {
            slug = slug == null ? "" : slug.strip();
            name = name == null ? "" : name.strip();
            bio = bio == null ? "" : bio.strip();
            role = role == null ? "" : role.strip();
        }

        /** A profile without a role (the newsroom API's form). */
        public AuthorForm(String slug, String name, String bio, Long photoId, Long accountId) {
            this(slug, name, bio, photoId, accountId, "");
        }
    }
}

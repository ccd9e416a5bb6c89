package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.author.Authors;
import news.gazette.story.NewStory;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One rule for who may do what to a story, whatever the door: every role × action × ownership, once through the
 * editor's HTML forms (as a browser posts them) and once through the newsroom JSON API (with the account's token),
 * must give the same answer, and the answer the table below says. A story is one's own when one created it (the
 * e-mail address compared without regard to letter case) or when its byline names one's linked author profile.
 * Run on H2 and PostgreSQL.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class StoryRulesContract {

    static final String API = "/newsroom/api/v1";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired Accounts accounts;
    @Autowired ApiTokens tokens;
    @Autowired Authors authors;
    @Autowired StoryImports imports;
    @Autowired Stories stories;

    enum Owner { CREATED_IT, IN_BYLINE, SOMEONE_ELSE }

    enum Action { VIEW, EDIT, SUBMIT, PUBLISH, SCHEDULE, UNPUBLISH, BACK_TO_DRAFT, RESTORE }

    /** The rule, written out: which actions each role may take on a story of each kind of ownership. */
    static boolean expected(Role role, Owner owner, Action action) {
        if (action == Action.VIEW || role.atLeast(Role.EDITOR)) {
            return true;
        }
        if (owner == Owner.SOMEONE_ELSE) {
            return false;
        }
        if (role == Role.AUTHOR) {
            return true;
        }
        // A contributor: their own drafts (edit, restore) and the step into review.
        return action == Action.EDIT || action == Action.RESTORE || action == Action.SUBMIT;
    }

    /** The state a story must be in for the action to be possible at all, so only the rule can refuse it. */
    static StoryStatus startingFrom(Action action) {
        return switch (action) {
            case VIEW, BACK_TO_DRAFT, PUBLISH -> StoryStatus.IN_REVIEW;
            case UNPUBLISH -> StoryStatus.PUBLISHED;
            default -> StoryStatus.DRAFT;
        };
    }

    record Person(Account account, String token, long authorId) {
    }

    @Test
    void everyDoorGivesTheSameAnswerAsTheRule() throws Exception {
        Map<Role, Person> people = new EnumMap<>(Role.class);
        long section = jdbc.sql("select id from sections where edition = 'en' order by position limit 1").query(Long.class).single();
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase(Locale.ROOT);
            Account account = accounts.create(name + "-rules@example.org", "Rules " + name, "a long test password " + name, role);
            long author = authors.create("en", "rules-" + name, "Rules " + name, "", null).id();
            jdbc.sql("update authors set account_id = ? where id = ?").params(account.id(), author).update();
            people.put(role, new Person(account, tokens.create(account.id(), "rules", null).secret(), author));
        }
        long otherAuthor = authors.create("en", "rules-other", "Someone Else", "", null).id();

        List<String> disagreements = new ArrayList<>();
        for (Role role : Role.values()) {
            Person person = people.get(role);
            for (Owner owner : Owner.values()) {
                for (Action action : Action.values()) {
                    boolean html = viaForms(person, action, story(person, owner, action, section, otherAuthor));
                    boolean json = viaApi(person, action, story(person, owner, action, section, otherAuthor));
                    boolean rule = expected(role, owner, action);
                    if (html != rule || json != rule) {
                        disagreements.add(role + " " + owner + " " + action + ": rule " + rule + ", forms " + html
                                + ", API " + json);
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    /** A story for one cell of the table, in the state the action needs, with a revision to restore. */
    private long story(Person person, Owner owner, Action action, long section, long otherAuthor) {
        StoryStatus status = startingFrom(action);
        // The creator's address in other letter case: ownership ignores it.
        String createdBy = owner == Owner.CREATED_IT ? person.account().email().toUpperCase(Locale.ROOT) : "someone@example.org";
        long byline = owner == Owner.IN_BYLINE ? person.authorId() : otherAuthor;
        NewStory.Builder story = NewStory.builder("en", section).headline("Rules of the desk " + action)
                .standfirst("A standfirst.").body("<p>The text as first written.</p>").authors(List.of(byline))
                .createdBy(createdBy);
        return imports.bring((status == StoryStatus.PUBLISHED ? story.published(Instant.now().minusSeconds(600))
                : story.status(status)).build(), "test");
    }

    private int version(long id) {
        return stories.find(id).orElseThrow().version();
    }

    private long revision(long id) {
        return jdbc.sql("select max(id) from story_revisions where story_id = ?").param(id).query(Long.class).single();
    }

    private boolean viaForms(Person person, Action action, long id) throws Exception {
        Role role = person.account().role();
        var who = user(person.account().email()).roles(java.util.Arrays.stream(role.authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new));
        MockHttpServletRequestBuilder request = switch (action) {
            case VIEW -> get("/newsroom/stories/" + id + "/edit");
            case RESTORE -> post("/newsroom/stories/" + id + "/revisions/" + revision(id) + "/restore")
                    .param("version", String.valueOf(version(id)));
            default -> {
                MockHttpServletRequestBuilder form = post("/newsroom/stories/" + id)
                        .param("version", String.valueOf(version(id))).param("headline", "Rules of the desk, edited");
                String intent = switch (action) {
                    case EDIT -> "save";
                    case BACK_TO_DRAFT -> "draft";
                    default -> action.name().toLowerCase(Locale.ROOT);
                };
                form.param("intent", intent);
                if (action == Action.SCHEDULE) {
                    form.param("at", "2099-01-02T08:30");
                }
                yield form;
            }
        };
        int status = mvc.perform(request.with(who).with(csrf())).andReturn().getResponse().getStatus();
        return answer(status, "forms", action);
    }

    private boolean viaApi(Person person, Action action, long id) throws Exception {
        String base = API + "/stories/" + id;
        MockHttpServletRequestBuilder request = switch (action) {
            case VIEW -> get(base);
            case EDIT -> put(base).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":" + version(id) + ",\"headline\":\"Rules of the desk, edited\"}");
            case SUBMIT -> post(base + "/submit");
            case PUBLISH -> post(base + "/publish");
            case UNPUBLISH -> post(base + "/unpublish");
            case BACK_TO_DRAFT -> post(base + "/draft");
            case SCHEDULE -> post(base + "/schedule").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"at\":\"2099-01-02T08:30:00Z\"}");
            case RESTORE -> post(base + "/revisions/" + revision(id) + "/restore").contentType(MediaType.APPLICATION_JSON)
                    .content("{\"version\":" + version(id) + "}");
        };
        int status = mvc.perform(request.header("Authorization", "Bearer " + person.token())).andReturn().getResponse().getStatus();
        return answer(status, "API", action);
    }

    /** Allowed (2xx, or a redirect after a form) or refused (403); anything else is a defect of its own. */
    private static boolean answer(int status, String door, Action action) {
        if (status == 403) {
            return false;
        }
        assertThat(status).as(door + " " + action).isBetween(200, 303);
        return true;
    }
}

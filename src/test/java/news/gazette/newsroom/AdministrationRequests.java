package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.audit.AuditLog;
import news.gazette.author.Authors;
import news.gazette.section.Sections;
import news.gazette.story.Stories;
import news.gazette.story.Tags;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the tests of the newsroom's administration screens and API share: an account of each role, requests as each
 * of them (on the screens and through the API with a token), the tables of what each role gets, and the first
 * section, tag and author profile of an edition.
 */
@SpringBootTest(properties = {"gazette.admin.email=chief@example.org", "gazette.admin.password=first-admin-secret-1"})
@AutoConfigureMockMvc
abstract class AdministrationRequests {

    static final String PASSWORD = "correct horse battery";

    /** Who asks: nobody signed in, or a real account of each role. */
    enum Who { ANONYMOUS, CONTRIBUTOR, AUTHOR, EDITOR, ADMIN }

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired AuditLog audit;
    @Autowired JdbcClient jdbc;
    @Autowired Sections sections;
    @Autowired Authors authors;
    @Autowired Tags tags;
    @Autowired ApiTokens apiTokens;
    @Autowired Stories stories;

    final Map<Who, Account> people = new EnumMap<>(Who.class);

    @BeforeEach
    void people() {
        for (Who who : Who.values()) {
            if (who != Who.ANONYMOUS) {
                people.put(who, account(Role.valueOf(who.name())));
            }
        }
    }

    Account account(Role role) {
        return accounts.create(role.name().toLowerCase() + "-" + UUID.randomUUID() + "@example.org",
                "Test " + role, PASSWORD, role);
    }

    MockHttpServletRequestBuilder as(Who who, MockHttpServletRequestBuilder request) {
        if (who == Who.ANONYMOUS) {
            return request;
        }
        Account account = people.get(who);
        return request.with(user(account.email()).roles(Arrays.stream(account.role().authorities())
                .map(a -> a.substring("ROLE_".length())).toArray(String[]::new)));
    }

    int status(Who who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(as(who, request)).andReturn().getResponse().getStatus();
    }

    /** One screen action, and the status each role gets; anonymous visitors are sent to sign in (302). */
    record Cell(String name, Function<Who, MockHttpServletRequestBuilder> request, int contributor, int author,
                int editor, int admin) {

        int expected(Who who) {
            return switch (who) {
                case ANONYMOUS -> 302;
                case CONTRIBUTOR -> contributor;
                case AUTHOR -> author;
                case EDITOR -> editor;
                case ADMIN -> admin;
            };
        }
    }

    static MockHttpServletRequestBuilder form(String path, String... pairs) {
        MockHttpServletRequestBuilder request = post(path).with(csrf());
        for (int i = 0; i < pairs.length; i += 2) {
            request.param(pairs[i], pairs[i + 1]);
        }
        return request;
    }

    void checkTable(List<Cell> cells) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            for (Who who : Who.values()) {
                int status = status(who, cell.request().apply(who));
                if (status != cell.expected(who)) {
                    wrong.add(cell.name() + " as " + who + ": " + status + ", expected " + cell.expected(who));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    long sectionIn(String edition) {
        return jdbc.sql("select id from sections where edition = ? order by position limit 1").param(edition)
                .query(Long.class).single();
    }

    long emptySection() {
        return sections.append("en", "empty-" + UUID.randomUUID().toString().substring(0, 8), "Empty", "Nothing yet").id();
    }

    long tagIn(String edition) {
        return jdbc.sql("select t.id from tags t where t.edition = ? and exists (select 1 from story_tags st "
                + "where st.tag_id = t.id) order by t.id limit 1").param(edition).query(Long.class).single();
    }

    long newTag() {
        String slug = "tag-" + UUID.randomUUID().toString().substring(0, 8);
        return tags.ensure("en", slug, slug).id();
    }

    long authorIn(String edition) {
        return jdbc.sql("select id from authors where edition = ? order by id limit 1").param(edition)
                .query(Long.class).single();
    }

    static final String API = "/newsroom/api/v1";

    final Map<Who, String> tokensOf = new EnumMap<>(Who.class);

    MockHttpServletRequestBuilder api(Who who, MockHttpServletRequestBuilder request) {
        if (who != Who.ANONYMOUS) {
            String token = tokensOf.computeIfAbsent(who, w -> apiTokens.create(people.get(w).id(), "test", null).secret());
            request.header("Authorization", "Bearer " + token);
        }
        return request.contentType("application/json");
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.content(body);
    }

    /** The n-th published story of the English edition, so each role gets a story of its own to change. */
    long published(int n) {
        return jdbc.sql("select id from stories where edition = 'en' and status = 'published' order by id limit 1 offset ?")
                .param(n).query(Long.class).single();
    }

    void checkApiTable(List<Cell> cells) throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Cell cell : cells) {
            for (Who who : Who.values()) {
                var response = mvc.perform(api(who, cell.request().apply(who))).andReturn().getResponse();
                int expected = who == Who.ANONYMOUS ? 401 : cell.expected(who);
                if (response.getStatus() != expected) {
                    wrong.add(cell.name() + " as " + who + ": " + response.getStatus() + ", expected " + expected
                            + " " + response.getContentAsString());
                } else if (expected >= 400 && !String.valueOf(response.getContentType()).startsWith("application/problem+json")) {
                    wrong.add(cell.name() + " as " + who + ": " + response.getContentType() + " is not a problem detail");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    MvcResult login(String email, String password) throws Exception {
        return mvc.perform(post("/newsroom/login").param("email", email).param("password", password).with(csrf())
                .with(r -> {
                    r.setRemoteAddr("10.9." + (email.hashCode() & 0xff) + "." + (password.hashCode() & 0xff));
                    return r;
                })).andReturn();
    }
}

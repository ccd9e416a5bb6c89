package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import java.util.Map;

import news.gazette.account.Role;
import news.gazette.story.StoryStatus;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What each role may do in the story editor: to its own stories, others' and ones that do not exist; the menus it is
 * offered; localized refusals instead of a 500; the CSRF token on every change. Run on H2 and PostgreSQL.
 */
abstract class EditorRolesContract extends EditorRequests {

    @Test
    void eachRoleWritesAndPublishesWhatItsRoleAllows() throws Exception {
        record Expected(Role role, int publishOwn, int editOthers, int saveOthers, int unpublishOthers, int editOwnInReview) {
        }
        // Every account may open any story; one that may not change it sees it read-only (editOwnInReview / editOthers
        // say whether the form can be used).
        for (Expected e : List.of(new Expected(Role.CONTRIBUTOR, 403, 403, 403, 403, 403),
                new Expected(Role.AUTHOR, 303, 403, 403, 403, 200),
                new Expected(Role.EDITOR, 303, 200, 303, 303, 200),
                new Expected(Role.ADMIN, 303, 200, 303, 303, 200))) {
            RequestPostProcessor me = as(e.role());
            String role = e.role().name();
            assertThat(status(get("/newsroom/stories/new?edition=en").with(me))).as("%s new", role).isEqualTo(200);
            long own = create(me, "Own story of " + role);
            assertThat(stories.find(own).orElseThrow().createdBy()).isEqualTo(role.toLowerCase() + "@example.org");
            assertThat(status(get("/newsroom/stories/" + own + "/edit").with(me))).as("%s edit own", role).isEqualTo(200);
            assertThat(status(form(post("/newsroom/stories/" + own), "Own story, revised", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s save own", role).isEqualTo(303);
            assertThat(status(form(post("/newsroom/stories/" + own + "/autosave"), "Own story, autosaved", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s autosave own", role).isEqualTo(200);
            assertThat(status(get("/newsroom/stories/" + own + "/revisions").with(me))).as("%s revisions own", role).isEqualTo(200);
            assertThat(status(get("/newsroom/stories/" + own + "/preview").with(me))).as("%s preview own", role).isEqualTo(200);
            assertThat(status(post("/newsroom/stories/" + own + "/submit").with(me).with(csrf()))).as("%s submit own", role).isEqualTo(303);
            assertThat(stories.find(own).orElseThrow().status()).isEqualTo(StoryStatus.IN_REVIEW);
            assertThat(status(get("/newsroom/stories/" + own + "/edit").with(me))).as("%s open own in review", role)
                    .isEqualTo(200);
            assertThat(readOnly(own, me)).as("%s own in review read-only", role).isEqualTo(e.editOwnInReview() == 403);
            assertThat(status(form(post("/newsroom/stories/" + own), "Own story, in review", "<p>Text.</p>")
                    .param("version", String.valueOf(version(own))).with(me))).as("%s save own in review", role)
                    .isEqualTo(e.editOwnInReview() == 403 ? 403 : 303);
            assertThat(status(post("/newsroom/stories/" + own + "/publish").with(me).with(csrf()))).as("%s publish own", role)
                    .isEqualTo(e.publishOwn());
            assertThat(stories.find(own).orElseThrow().status())
                    .isEqualTo(e.publishOwn() == 303 ? StoryStatus.PUBLISHED : StoryStatus.IN_REVIEW);

            long others = published();
            String before = stories.find(others).orElseThrow().headline();
            assertThat(status(get("/newsroom/stories/" + others + "/edit").with(me))).as("%s open others", role).isEqualTo(200);
            assertThat(readOnly(others, me)).as("%s others read-only", role).isEqualTo(e.editOthers() == 403);
            assertThat(status(get("/newsroom/stories/" + others + "/revisions").with(me))).as("%s revisions others", role).isEqualTo(e.editOthers());
            assertThat(status(form(post("/newsroom/stories/" + others), before, stories.find(others).orElseThrow().body())
                    .param("version", String.valueOf(version(others))).with(me))).as("%s save others", role).isEqualTo(e.saveOthers());
            assertThat(status(form(post("/newsroom/stories/" + others + "/autosave"), "Taken over", "<p>x</p>")
                    .param("version", String.valueOf(version(others))).with(me))).as("%s autosave others", role)
                    .isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(stories.find(others).orElseThrow().headline()).isEqualTo(before);
            assertThat(status(post("/newsroom/stories/" + others + "/submit").with(me).with(csrf()))).as("%s submit others", role)
                    .isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(status(post("/newsroom/stories/" + others + "/schedule").param("at", "2099-01-01T10:00").with(me).with(csrf())))
                    .as("%s schedule others", role).isEqualTo(e.saveOthers() == 303 ? 409 : 403);
            assertThat(status(post("/newsroom/stories/" + others + "/unpublish").with(me).with(csrf()))).as("%s unpublish others", role)
                    .isEqualTo(e.unpublishOthers());
            if (e.unpublishOthers() == 303) {
                assertThat(status(post("/newsroom/stories/" + others + "/publish").with(me).with(csrf()))).isEqualTo(303);
            }
            assertThat(stories.find(others).orElseThrow().status()).isEqualTo(StoryStatus.PUBLISHED);
        }
    }

    @Test
    void menusOfferOnlyWhatTheRoleMayOpenAndARefusalIsANewsroomPage() throws Exception {
        for (Role role : Role.values()) {
            Document desk = Jsoup.parse(mvc.perform(get("/newsroom").with(as(role))).andReturn().getResponse()
                    .getContentAsString());
            List<String> links = desk.select("nav.newsroom-admin a").eachAttr("href");
            assertThat(links).as("%s menu", role).contains("/newsroom", "/newsroom/media", "/newsroom/password");
            assertThat(links.contains("/newsroom/sections")).as("%s sees sections", role).isEqualTo(role.atLeast(Role.EDITOR));
            assertThat(links.contains("/newsroom/accounts")).as("%s sees accounts", role).isEqualTo(role == Role.ADMIN);
            // Every screen the menu offers opens. The account's own screens need a stored account, which these test
            // users are not: they answer with the newsroom's refusal (and are tested with stored accounts in
            // AccountsAdministrationContract and PolicyAndSecurityPageContract).
            List<String> ownScreens = List.of("/newsroom/tokens", "/newsroom/password", "/newsroom/security");
            for (String link : links) {
                MockHttpServletResponse page = mvc.perform(get(link).with(as(role))).andReturn().getResponse();
                if (ownScreens.contains(link)) {
                    assertThat(page.getStatus()).as("%s follows %s", role, link).isIn(200, 302, 303, 403);
                    assertThat(page.getContentAsString()).as("%s follows %s", role, link).doesNotContain("Something went wrong");
                } else {
                    assertThat(page.getStatus()).as("%s follows %s", role, link).isIn(200, 302, 303);
                }
            }
        }
        MockHttpServletResponse refused = mvc.perform(get("/newsroom/accounts").header("Accept-Language", "ru")
                .with(as(Role.AUTHOR))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("nav.newsroom-admin")).as("the newsroom's frame").isNotEmpty();
        assertThat(page.select("main p").first().text()).contains("Как автор");
    }

    /** Whether the editor shows the story with its fields disabled and no Save button. */
    boolean readOnly(long id, RequestPostProcessor who) throws Exception {
        Document page = Jsoup.parse(mvc.perform(get("/newsroom/stories/" + id + "/edit").with(who)).andReturn()
                .getResponse().getContentAsString());
        return page.selectFirst("fieldset.editor-fields[disabled]") != null
                && page.select("button[name=intent][value=save]").isEmpty();
    }

    @Test
    void unknownAndMalformedStoriesGetALocalized4xxAndNeverA500() throws Exception {
        List<String> paths = List.of("/edit", "/revisions", "/preview", "/revisions/compare?a=1&b=2");
        List<String> changes = List.of("", "/autosave", "/submit", "/draft", "/schedule", "/publish", "/unpublish",
                "/translate", "/revisions/1/restore");
        for (String path : paths) {
            MockHttpServletResponse missing = mvc.perform(get("/newsroom/stories/987654321" + path)
                    .header("Accept-Language", "ru").with(as(Role.ADMIN))).andReturn().getResponse();
            assertThat(missing.getStatus()).as(path).isEqualTo(404);
            for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
                assertThat(status(get("/newsroom/stories/" + bad + path).with(as(Role.ADMIN)))).as(bad + path).isBetween(400, 499);
            }
        }
        for (String path : changes) {
            MockHttpServletResponse missing = mvc.perform(form(post("/newsroom/stories/987654321" + path), "x", "x")
                    .param("version", "0").param("edition", "ru").param("at", "2099-01-01T10:00")
                    .header("Accept-Language", "ru").with(as(Role.ADMIN))).andReturn().getResponse();
            assertThat(missing.getStatus()).as(path).isEqualTo(404);
            for (String bad : List.of("abc", "-1", "1.5", "99999999999999999999")) {
                assertThat(status(form(post("/newsroom/stories/" + bad + path), "x", "x").with(as(Role.ADMIN))))
                        .as(bad + path).isBetween(400, 499);
            }
        }
        long others = published();
        MockHttpServletResponse refused = mvc.perform(form(post("/newsroom/stories/" + others), "Taken over", "<p>x</p>")
                .param("version", String.valueOf(version(others))).header("Accept-Language", "hy")
                .with(as(Role.CONTRIBUTOR))).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        Document page = Jsoup.parse(refused.getContentAsString());
        assertThat(page.select("main p").first().text()).as("a newsroom page that says what the role may do")
                .startsWith("Ձեր դերը դա թույլ չի տալիս։").contains("սևագրեր");
        assertThat(page.select("nav.newsroom-admin")).as("the newsroom's own frame, not the reader site's").isNotEmpty();
        long own = create(as(Role.EDITOR), "Malformed fields");
        for (Map.Entry<String, String> bad : Map.of("sectionId", "abc", "authors", "x1", "imageId", "1e3",
                "version", "-5").entrySet()) {
            Map<String, String> fields = new java.util.HashMap<>(Map.of("version", String.valueOf(version(own))));
            fields.put(bad.getKey(), bad.getValue());
            var request = form(post("/newsroom/stories/" + own), "Malformed fields", "<p>x</p>", fields).with(as(Role.EDITOR));
            assertThat(status(request)).as(bad.getKey()).isEqualTo(400);
        }
        assertThat(status(post("/newsroom/stories/" + own + "/schedule").param("at", "tomorrow").with(as(Role.EDITOR)).with(csrf())))
                .isEqualTo(400);
        assertThat(status(post("/newsroom/stories?edition=xx").with(as(Role.EDITOR)).with(csrf()))).isEqualTo(400);
        assertThat(status(form(post("/newsroom/stories/" + own), "", "<p>x</p>").param("version", String.valueOf(version(own)))
                .with(as(Role.EDITOR)))).isEqualTo(400);
    }

    @Test
    void everyChangeNeedsTheCsrfToken() throws Exception {
        long own = create(as(Role.EDITOR), "Forged");
        for (String path : List.of("", "/autosave", "/submit", "/publish", "/translate")) {
            assertThat(status(post("/newsroom/stories/" + own + path).param("headline", "Forged!")
                    .param("version", String.valueOf(version(own))).with(as(Role.EDITOR)))).as(path).isEqualTo(403);
        }
        assertThat(stories.find(own).orElseThrow().headline()).isEqualTo("Forged");
        assertThat(stories.find(own).orElseThrow().status()).isEqualTo(StoryStatus.DRAFT);
    }
}

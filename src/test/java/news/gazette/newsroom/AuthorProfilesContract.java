package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.author.Author;
import news.gazette.author.Authors;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.platform.web.Permalinks;
import news.gazette.section.Sections;
import news.gazette.story.NewStory;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Author profiles with a role and a photo picked from the media library, on H2 and PostgreSQL: the newsroom's author
 * screen offers the library's images by what they show (no id to type), keeps the role and photo, refuses a role
 * too long and a photo that does not exist; the author's page shows photo, role and biography, and the byline of
 * their stories shows the photo.
 */
@SpringBootTest
@AutoConfigureMockMvc
abstract class AuthorProfilesContract {

    @Autowired MockMvc mvc;
    @Autowired Authors authors;
    @Autowired MediaLibrary media;
    @Autowired Sections sections;
    @Autowired StoryImports imports;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Autowired Accounts accounts;
    @Autowired Permalinks links;

    private MockHttpServletRequestBuilder asEditor(MockHttpServletRequestBuilder request) {
        if (editor == null) {
            editor = accounts.create("editor-" + UUID.randomUUID() + "@example.org", "Editor",
                    "correct horse battery staple " + suffix, Role.EDITOR);
        }
        return request.with(user(editor.email()).roles("EDITOR"));
    }

    private Account editor;

    private Media photo(String alt) throws Exception {
        BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_RGB);
        return media.storeDrawn("portrait-" + suffix + ".png", image, "test",
                new MediaLibrary.Details(alt, null, null));
    }

    @Test
    void thePhotoIsPickedFromTheLibraryAndShownOnTheAuthorsPageAndInBylines() throws Exception {
        Media portrait = photo("Portrait of Nane " + suffix);
        Author author = authors.create("en", "nane-" + suffix, "Nane " + suffix, "Writes about water.", null);

        String screen = mvc.perform(asEditor(get("/newsroom/authors?edition=en"))).andReturn().getResponse()
                .getContentAsString();
        // A picker: the image is offered by what it shows; there is no field to type an id into.
        assertThat(screen).contains("<option value=\"" + portrait.id() + "\"")
                .contains("Portrait of Nane " + suffix)
                .doesNotContain("name=\"photoId\" inputmode=\"numeric\"");

        int saved = mvc.perform(asEditor(post("/newsroom/authors/" + author.id())).with(csrf())
                .param("slug", author.slug()).param("name", author.name()).param("bio", "Writes about water.")
                .param("role", "Water correspondent").param("photoId", String.valueOf(portrait.id()))
                .param("accountId", "")).andReturn().getResponse().getStatus();
        assertThat(saved).isEqualTo(303);
        Author stored = authors.byId(author.id()).orElseThrow();
        assertThat(stored.photoId()).isEqualTo(portrait.id());
        assertThat(stored.role()).isEqualTo("Water correspondent");
        // The screen shows the choice made: the photo selected, its preview above the picker.
        String again = mvc.perform(asEditor(get("/newsroom/authors?edition=en"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(again).contains("<option value=\"" + portrait.id() + "\" selected");

        String page = mvc.perform(get("/en/author/" + author.slug())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("class=\"author-photo\"").contains("src=\"" + links.media(portrait.fileNameFor(320)) + "\"")
                .contains("Water correspondent").contains("Writes about water.");

        long story = imports.bring(new NewStory("en", sections.inEdition("en").get(0).id(), null,
                "Wells run dry " + suffix, "A standfirst.", "<p>Body.</p>", null, StoryStatus.PUBLISHED, false, false,
                null, null, null, null, Instant.now().minusSeconds(60), null, List.of(author.id()), List.of()), "test");
        String url = mvc.perform(get("/api/v1/stories/" + story)).andReturn().getResponse().getContentAsString()
                .replaceAll("(?s).*?\"url\":\"https?://[^/]+([^\"]+)\".*", "$1");
        String storyPage = mvc.perform(get(url)).andReturn().getResponse().getContentAsString();
        String byline = storyPage.substring(storyPage.indexOf("class=\"byline\""));
        byline = byline.substring(0, byline.indexOf("</p>"));
        assertThat(byline).contains("class=\"byline-photo\"").contains("Nane " + suffix);
    }

    @Test
    void aRoleTooLongOrAPhotoThatDoesNotExistIsRefusedWithNothingChanged() throws Exception {
        Author author = authors.create("en", "aram-" + suffix, "Aram " + suffix, "", null);
        int tooLong = mvc.perform(asEditor(post("/newsroom/authors/" + author.id())).with(csrf())
                .param("slug", author.slug()).param("name", author.name()).param("bio", "")
                .param("role", "x".repeat(161)).param("photoId", "").param("accountId", ""))
                .andReturn().getResponse().getStatus();
        int noPhoto = mvc.perform(asEditor(post("/newsroom/authors/" + author.id())).with(csrf())
                .param("slug", author.slug()).param("name", author.name()).param("bio", "")
                .param("role", "Editor").param("photoId", "999999999").param("accountId", ""))
                .andReturn().getResponse().getStatus();
        assertThat(tooLong).isEqualTo(400);
        assertThat(noPhoto).isEqualTo(400);
        Author stored = authors.byId(author.id()).orElseThrow();
        assertThat(stored.role()).isNull();
        assertThat(stored.photoId()).isNull();
        // An author without photo or role: the page shows neither.
        String page = mvc.perform(get("/en/author/" + author.slug())).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("class=\"author-photo\"").doesNotContain("class=\"author-role\"");
    }
}

package news.gazette.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import javax.imageio.ImageIO;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import news.gazette.account.Role;
import news.gazette.media.Media;
import news.gazette.media.MediaLibrary;
import news.gazette.media.MediaStore;
import news.gazette.media.TestImages;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The media library through the newsroom: who may upload and describe, what is refused (with a message in the
 * reader's language, and nothing stored), what is stored (no metadata, every variant), how it is served and found.
 * Run on H2 and PostgreSQL.
 */
@SpringBootTest(properties = {"gazette.demo-content=false", "gazette.media.max-file-size=300KB"})
@AutoConfigureMockMvc
abstract class MediaLibraryContract {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MediaLibrary library;
    @Autowired MediaStore store;
    @Value("${gazette.data-dir}") Path dataDir;

    private static RequestPostProcessor as(String name, Role role) {
        return user(name).roles(Arrays.stream(role.authorities()).map(a -> a.substring("ROLE_".length()))
                .toArray(String[]::new));
    }

    private static String someone() {
        return "someone-" + UUID.randomUUID() + "@example.org";
    }

    private MvcResult upload(String who, Role role, String name, byte[] bytes, String declaredType, String language,
                             String alt) throws Exception {
        var request = multipart("/newsroom/media").file(new MockMultipartFile("file", name, declaredType, bytes))
                .with(as(who, role)).with(csrf()).header("Accept-Language", language);
        if (alt != null) {
            request.param("alt", alt);
        }
        return mvc.perform(request).andReturn();
    }

    private long uploaded(MvcResult result) {
        assertThat(result.getResponse().getStatus()).as("upload status").isEqualTo(303);
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/newsroom/media/");
        return Long.parseLong(location.substring("/newsroom/media/".length()).replace("?uploaded", ""));
    }

    private long rows() {
        return jdbc.sql("select count(*) from media").query(Long.class).single();
    }

    private long files() throws Exception {
        Path folder = dataDir.resolve("media");
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (var list = Files.list(folder)) {
            return list.count();
        }
    }

    @Test
    void strangersAreSentToSignInAndNothingIsStored() throws Exception {
        long before = rows();
        MvcResult screen = mvc.perform(get("/newsroom/media")).andReturn();
        assertThat(screen.getResponse().getStatus()).isEqualTo(302);
        assertThat(screen.getResponse().getRedirectedUrl()).endsWith("/newsroom/login");
        MvcResult json = mvc.perform(get("/newsroom/media/library.json")).andReturn();
        assertThat(json.getResponse().getStatus()).isEqualTo(302);
        MvcResult stranger = mvc.perform(multipart("/newsroom/media")
                .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", TestImages.jpeg(200, 100))).with(csrf())).andReturn();
        assertThat(stranger.getResponse().getStatus()).isEqualTo(302);
        MvcResult forged = mvc.perform(multipart("/newsroom/media")
                .file(new MockMultipartFile("file", "a.jpg", "image/jpeg", TestImages.jpeg(200, 100)))
                .with(as(someone(), Role.EDITOR))).andReturn();
        assertThat(forged.getResponse().getStatus()).as("without the CSRF token").isEqualTo(403);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void aContributorUploadsAPhotoAndItIsStoredWithoutMetadataAndWithItsVariants() throws Exception {
        String who = someone();
        long id = uploaded(upload(who, Role.CONTRIBUTOR, "IMG_0001.JPG", TestImages.jpegWithGps(1400, 700),
                "image/jpeg", "en", "A red circle on blue"));
        Media media = library.byId(id).orElseThrow();
        assertThat(media.uploadedBy()).isEqualTo(who);
        assertThat(media.originalName()).isEqualTo("IMG_0001.JPG");
        assertThat(media.alt()).isEqualTo("A red circle on blue");
        assertThat(media.width()).isEqualTo(1400);
        assertThat(media.variantWidths()).containsExactly(320, 640, 960, 1280);
        assertThat(media.fileName()).matches("[0-9a-f]{32}\\.jpg");

        MvcResult original = mvc.perform(get("/media/" + media.fileName())).andReturn();
        assertThat(original.getResponse().getStatus()).isEqualTo(200);
        assertThat(original.getResponse().getHeader("Cache-Control")).contains("max-age=31536000", "immutable");
        byte[] stored = original.getResponse().getContentAsByteArray();
        assertThat(TestImages.carriesMetadata(stored)).as("EXIF, GPS, XMP or comment in the stored file").isFalse();
        assertThat(Files.readAllBytes(dataDir.resolve("media").resolve(media.fileName()))).isEqualTo(stored);
        for (int width : media.variantWidths()) {
            MvcResult variant = mvc.perform(get("/media/" + media.variantFileName(width))).andReturn();
            assertThat(variant.getResponse().getStatus()).isEqualTo(200);
            byte[] bytes = variant.getResponse().getContentAsByteArray();
            assertThat(ImageIO.read(new ByteArrayInputStream(bytes)).getWidth()).isEqualTo(width);
            assertThat(TestImages.carriesMetadata(bytes)).isFalse();
        }
        assertThat(mvc.perform(get("/media/" + media.variantFileName(1920))).andReturn().getResponse().getStatus())
                .as("no variant wider than the original").isEqualTo(404);
    }

    @Test
    void refusedUploadsSayWhyInTheReadersLanguageAndStoreNothing() throws Exception {
        record Refusal(String name, byte[] bytes, String type, int status, String english, String russian) {
        }
        byte[] tooLarge = Arrays.copyOf(TestImages.jpeg(64, 64), 400 * 1024);
        List<Refusal> refusals = List.of(
                new Refusal("photo.jpg", TestImages.NOT_AN_IMAGE, "image/jpeg", 415, "is not a JPEG, PNG, WebP or GIF", "не изображение"),
                new Refusal("logo.svg", TestImages.SVG, "image/svg+xml", 415, "SVG files cannot be uploaded", "Файлы SVG"),
                new Refusal("huge.png", TestImages.pngClaiming(30_000, 30_000), "image/png", 422, "The image is too big", "слишком большое"),
                new Refusal("huge.gif", TestImages.gifClaiming(30_000, 30_000), "image/gif", 422, "The image is too big", "слишком большое"),
                new Refusal("cut.jpg", TestImages.truncatedJpeg(), "image/jpeg", 422, "damaged or incomplete", "повреждён"),
                new Refusal("big.jpg", tooLarge, "image/jpeg", 413, "up to 0 MB", "Файл слишком большой"));
        long rowsBefore = rows();
        long filesBefore = files();
        for (Refusal r : refusals) {
            MvcResult en = upload(someone(), Role.CONTRIBUTOR, r.name(), r.bytes(), r.type(), "en", "Alt");
            assertThat(en.getResponse().getStatus()).as(r.name()).isEqualTo(r.status());
            assertThat(Jsoup.parse(en.getResponse().getContentAsString()).select("[data-media-notice]").text())
                    .as(r.name()).contains(r.english());
            MvcResult ru = upload(someone(), Role.CONTRIBUTOR, r.name(), r.bytes(), r.type(), "ru", "Alt");
            assertThat(Jsoup.parse(ru.getResponse().getContentAsString()).select("[data-media-notice]").text())
                    .as(r.name()).contains(r.russian());
        }
        assertThat(rows()).as("media rows").isEqualTo(rowsBefore);
        assertThat(files()).as("files in the media folder").isEqualTo(filesBefore);
    }

    @Test
    void theUploaderAndEditorsDescribeAnImageAndOthersMayNot() throws Exception {
        String owner = someone();
        long id = uploaded(upload(owner, Role.CONTRIBUTOR, "map.png", TestImages.png(400, 300), "image/png", "en", null));
        assertThat(library.usable(id)).as("usable without alt text").isEmpty();

        MvcResult other = mvc.perform(post("/newsroom/media/" + id).param("alt", "Vandalised").with(csrf())
                .with(as(someone(), Role.AUTHOR)).header("Accept-Language", "hy")).andReturn();
        assertThat(other.getResponse().getStatus()).isEqualTo(403);
        assertThat(Jsoup.parse(other.getResponse().getContentAsString()).select("[data-media-notice]").text())
                .contains("կարող է փոխել միայն");
        assertThat(library.byId(id).orElseThrow().alt()).isNull();

        MvcResult own = mvc.perform(post("/newsroom/media/" + id).param("alt", "A map of the valley")
                .param("caption", "The valley in spring").param("credit", "Gazette").with(csrf()).with(as(owner, Role.CONTRIBUTOR)))
                .andReturn();
        assertThat(own.getResponse().getStatus()).isEqualTo(303);
        assertThat(library.usable(id)).map(Media::alt).contains("A map of the valley");

        MvcResult editor = mvc.perform(post("/newsroom/media/" + id).param("alt", "A map of the river valley")
                .with(csrf()).with(as(someone(), Role.EDITOR))).andReturn();
        assertThat(editor.getResponse().getStatus()).isEqualTo(303);
        Media described = library.byId(id).orElseThrow();
        assertThat(described.alt()).isEqualTo("A map of the river valley");
        assertThat(described.caption()).as("a field left empty is cleared").isNull();

        MvcResult forged = mvc.perform(post("/newsroom/media/" + id).param("alt", "x").with(as(owner, Role.CONTRIBUTOR)))
                .andReturn();
        assertThat(forged.getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void malformedAndUnknownIdsGetALocalized4xxNeverA500() throws Exception {
        for (String id : List.of("abc", "-1", "99999999999999999999", "1.5", "%00")) {
            MvcResult view = mvc.perform(get("/newsroom/media/" + id).with(as(someone(), Role.EDITOR))).andReturn();
            assertThat(view.getResponse().getStatus()).as("GET " + id).isBetween(400, 499);
            MvcResult change = mvc.perform(post("/newsroom/media/" + id).param("alt", "x").with(csrf())
                    .with(as(someone(), Role.EDITOR))).andReturn();
            assertThat(change.getResponse().getStatus()).as("POST " + id).isBetween(400, 499);
        }
        MvcResult unknown = mvc.perform(get("/newsroom/media/987654321").with(as(someone(), Role.EDITOR))
                .header("Accept-Language", "ru")).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentAsString()).contains("lang=\"ru\"");
        for (String page : List.of("0", "-3", "abc", "99999999999")) {
            assertThat(mvc.perform(get("/newsroom/media/library.json?page=" + page).with(as(someone(), Role.AUTHOR)))
                    .andReturn().getResponse().getStatus()).as("page " + page).isEqualTo(400);
            assertThat(mvc.perform(get("/newsroom/media?page=" + page).with(as(someone(), Role.AUTHOR)))
                    .andReturn().getResponse().getStatus()).as("page " + page).isEqualTo(400);
        }
        assertThat(mvc.perform(get("/media/..%2F..%2Fetc%2Fpasswd")).andReturn().getResponse().getStatus()).isIn(400, 404);
        assertThat(mvc.perform(get("/media/abcdef-640w.jpg")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void thePickerListsUsableImagesWithTheirSrcsetFindsThemAndPages() throws Exception {
        String tag = "kestrel" + UUID.randomUUID().toString().substring(0, 8);
        String who = someone();
        long described = uploaded(upload(who, Role.AUTHOR, tag + "-a.jpg", TestImages.jpeg(1000, 500), "image/jpeg", "en",
                "A " + tag + " over the fields"));
        long bare = uploaded(upload(who, Role.AUTHOR, tag + "-b.jpg", TestImages.jpeg(900, 500), "image/jpeg", "en", null));

        JsonMapper json = JsonMapper.builder().build();
        JsonNode usable = json.readTree(mvc.perform(get("/newsroom/media/library.json").param("q", tag.toUpperCase())
                .with(as(someone(), Role.CONTRIBUTOR))).andReturn().getResponse().getContentAsString());
        assertThat(usable.get("items")).hasSize(1);
        JsonNode item = usable.get("items").get(0);
        assertThat(item.get("id").asLong()).isEqualTo(described);
        assertThat(item.get("alt").asText()).isEqualTo("A " + tag + " over the fields");
        assertThat(item.get("width").asInt()).isEqualTo(1000);
        assertThat(item.get("height").asInt()).isEqualTo(500);
        assertThat(item.get("url").asText()).matches("/media/[0-9a-f]{32}\\.jpg");
        assertThat(item.get("thumbnail").asText()).endsWith("-320w.jpg");
        assertThat(item.get("srcset").asText()).contains("-320w.jpg 320w", "-640w.jpg 640w", "-960w.jpg 960w")
                .endsWith(".jpg 1000w");
        assertThat(usable.get("next").isNull()).isTrue();

        JsonNode all = json.readTree(mvc.perform(get("/newsroom/media/library.json").param("q", tag).param("all", "true")
                .with(as(someone(), Role.CONTRIBUTOR))).andReturn().getResponse().getContentAsString());
        assertThat(all.get("items").findValues("id")).extracting(JsonNode::asLong).containsExactly(bare, described);

        for (int i = 0; i < MediaLibrary.PAGE_SIZE; i++) {
            library.storeDrawn(tag + "-page-" + i + ".png", solid(i), "test", new MediaLibrary.Details("Swatch " + tag, null, null));
        }
        JsonNode first = json.readTree(mvc.perform(get("/newsroom/media/library.json").param("q", tag)
                .with(as(someone(), Role.CONTRIBUTOR))).andReturn().getResponse().getContentAsString());
        assertThat(first.get("items")).hasSize(MediaLibrary.PAGE_SIZE);
        assertThat(first.get("next").asInt()).isEqualTo(2);
        JsonNode second = json.readTree(mvc.perform(get("/newsroom/media/library.json").param("q", tag).param("page", "2")
                .with(as(someone(), Role.CONTRIBUTOR))).andReturn().getResponse().getContentAsString());
        assertThat(second.get("items")).hasSize(1);
        assertThat(second.get("items").get(0).get("id").asLong()).isEqualTo(described);
        assertThat(second.get("next").isNull()).isTrue();

        var screen = Jsoup.parse(mvc.perform(get("/newsroom/media").param("q", tag).with(as(someone(), Role.CONTRIBUTOR)))
                .andReturn().getResponse().getContentAsString());
        assertThat(screen.select(".media-card")).hasSize(MediaLibrary.PAGE_SIZE);
        assertThat(screen.select(".media-card img").attr("loading")).isEqualTo("lazy");
        assertThat(screen.select("a[rel=next]").attr("href")).contains("page=2");
    }

    @Test
    void anOlderFileWhoseNameLooksLikeAVariantIsStillServed() throws Exception {
        byte[] bytes = TestImages.jpeg(120, 80);
        store.put("legacy-photo-1200w.jpg", new ByteArrayInputStream(bytes), bytes.length, "image/jpeg");
        jdbc.sql("insert into media (file_name, content_type, width, height, created_at) values (?, ?, ?, ?, current_timestamp)")
                .params("legacy-photo-1200w.jpg", "image/jpeg", 120, 80).update();
        MvcResult legacy = mvc.perform(get("/media/legacy-photo-1200w.jpg")).andReturn();
        assertThat(legacy.getResponse().getStatus()).isEqualTo(200);
        assertThat(legacy.getResponse().getContentAsByteArray()).isEqualTo(bytes);
        assertThat(mvc.perform(get("/media/legacy-photo-640w.jpg")).andReturn().getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void theSamePictureUploadedTwiceIsKeptOnce() throws Exception {
        byte[] photo = TestImages.jpeg(500, 400);
        long first = uploaded(upload(someone(), Role.CONTRIBUTOR, "one.jpg", photo, "image/jpeg", "en", "One"));
        long rowsBefore = rows();
        long again = uploaded(upload(someone(), Role.CONTRIBUTOR, "two.jpg", photo, "image/jpeg", "en", "Two"));
        assertThat(again).isEqualTo(first);
        assertThat(rows()).isEqualTo(rowsBefore);
    }

    private static java.awt.image.BufferedImage solid(int i) {
        var image = new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(new java.awt.Color(i * 9, 255 - i * 9, 128));
        g.fillRect(0, 0, 40, 30);
        g.dispose();
        return image;
    }
}

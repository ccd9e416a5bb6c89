package news.gazette.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import news.gazette.GazetteApplication;
import news.gazette.story.NewStory;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills a fresh data folder with the demo editions plus {@code N} generated stories, spread evenly over the three
 * editions and their sections, written through the application's own {@link Stories}. Bodies, images, bylines and
 * tags are taken from the demo stories of the same edition, so generated pages weigh what real ones do.
 * <p>
 * Usage: {@code CorpusGenerator <data-dir> <stories>}
 */
public final class CorpusGenerator {

    private static final Logger log = LoggerFactory.getLogger(CorpusGenerator.class);
    private static final int BATCH = 1_000;

    private CorpusGenerator() {
    }

    public static void main(String[] args) {
        String dataDir = args[0];
        int total = Integer.parseInt(args[1]);
        SpringApplication app = new SpringApplication(GazetteApplication.class);
        try (ConfigurableApplicationContext context = app.run("--gazette.data-dir=" + dataDir,
                "--gazette.demo-content=true", "--spring.main.banner-mode=off",
                // The reader site's beans need a web context; it listens on a free port nobody uses.
                "--server.port=0", "--server.address=127.0.0.1")) {
            generate(context, total);
        }
    }

    private static void generate(ConfigurableApplicationContext context, int total) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Stories stories = context.getBean(Stories.class);
        StoryImports imports = context.getBean(StoryImports.class);
        TransactionTemplate transaction = context.getBean(TransactionTemplate.class);
        long generated = jdbc.sql("select count(*) from stories where headline like '% (1)'").query(Long.class).single();
        if (generated > 0) {
            log.info("The data folder already holds a generated corpus; nothing to do");
            return;
        }
        List<Map<String, Object>> models = jdbc.sql("""
                select s.id, s.edition, s.section_id, s.headline, s.standfirst, s.body, s.image_id, s.image_alt
                from stories s where s.status = 'published' order by s.id""").query().listOfRows();
        Random random = new Random(42);
        Instant now = Instant.now();
        long started = System.nanoTime();
        for (int done = 0; done < total; done += BATCH) {
            int from = done;
            int size = Math.min(BATCH, total - done);
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < from + size; i++) {
                    Map<String, Object> model = models.get(random.nextInt(models.size()));
                    long modelId = ((Number) model.get("id")).longValue();
                    List<Long> authors = jdbc.sql("select author_id from story_authors where story_id = ? order by position")
                            .param(modelId).query(Long.class).list();
                    List<Long> tags = jdbc.sql("select tag_id from story_tags where story_id = ?")
                            .param(modelId).query(Long.class).list();
                    Number image = (Number) model.get("image_id");
                    // Older stories further back: one every few minutes over the archive's span.
                    Instant published = now.minus(Duration.ofMinutes(10L + 7L * (total - i)));
                    imports.bring(new NewStory((String) model.get("edition"), ((Number) model.get("section_id")).longValue(),
                            null, model.get("headline") + " (" + (i + 1) + ")", (String) model.get("standfirst"),
                            (String) model.get("body"), null, StoryStatus.PUBLISHED, false, false,
                            image == null ? null : image.longValue(), (String) model.get("image_alt"), null, null,
                            published, null, new ArrayList<>(authors), new ArrayList<>(tags)), "test");
                }
            });
            if ((done / BATCH) % 10 == 0) {
                log.info("{} of {} stories written", done + size, total);
            }
        }
        log.info("Wrote {} stories in {} s", total, (System.nanoTime() - started) / 1_000_000_000);
    }
}

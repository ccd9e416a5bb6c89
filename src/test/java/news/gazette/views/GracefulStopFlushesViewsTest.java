package news.gazette.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import news.gazette.GazetteApplication;
import news.gazette.story.Stories;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Views counted but not yet flushed are written when the application stops gracefully.
 */
class GracefulStopFlushesViewsTest {

    @Test
    void stoppingWritesPendingViews() throws Exception {
        Path data = Files.createTempDirectory("gazette-stop");
        String[] args = {"--gazette.data-dir=" + data, "--gazette.views.flush-interval=1h", "--server.port=0"};
        long id;
        long before;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GazetteApplication.class)
                .web(org.springframework.boot.WebApplicationType.SERVLET).run(args)) {
            id = app.getBean(JdbcClient.class).sql("select min(id) from stories").query(Long.class).single();
            before = app.getBean(Stories.class).viewsOf(id);
            ViewCounter counter = app.getBean(ViewCounter.class);
            for (int i = 0; i < 250; i++) {
                counter.record(id, "10.0.0." + (i % 250), "Mozilla/5.0 reader " + i);
            }
            assertThat(counter.pending(id)).isEqualTo(250);
            assertThat(app.getBean(Stories.class).viewsOf(id)).isEqualTo(before);
        }
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(GazetteApplication.class)
                .web(org.springframework.boot.WebApplicationType.SERVLET).run(args)) {
            assertThat(app.getBean(Stories.class).viewsOf(id)).isEqualTo(before + 250);
        }
    }
}

package news.gazette.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import news.gazette.GazetteApplication;
import news.gazette.story.NewStory;
import news.gazette.story.Publishing;
import news.gazette.story.Stories;
import news.gazette.story.StoryImports;
import news.gazette.story.StoryStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Measures the time from "publish" to the new story on the front page, as a reader fetching the page over HTTP sees
 * it. Starts Gazette on the given data folder and port, keeps the front page in the cache, then for each round
 * writes a draft, calls {@link Publishing#publish}, and fetches the front page until the headline is on it.
 * <p>
 * Usage: {@code PublishToVisible <data-dir> <port> <rounds>}; prints one line per round and a summary.
 */
public final class PublishToVisible {

    private static final Logger log = LoggerFactory.getLogger(PublishToVisible.class);

    private PublishToVisible() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int port = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        try (ConfigurableApplicationContext context = SpringApplication.run(GazetteApplication.class,
                "--gazette.data-dir=" + dataDir, "--gazette.demo-content=false", "--server.port=" + port,
                "--spring.main.banner-mode=off", "--logging.level.root=WARN", "--logging.level.news.gazette.bench=INFO")) {
            log.info("{}", measure(context, port, rounds));
        }
    }

    private static String measure(ConfigurableApplicationContext context, int port, int rounds) throws Exception {
        Stories stories = context.getBean(Stories.class);
        StoryImports imports = context.getBean(StoryImports.class);
        Publishing publishing = context.getBean(Publishing.class);
        long sectionId = context.getBean(JdbcClient.class)
                .sql("select id from sections where edition = 'en' order by position limit 1").query(Long.class).single();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest front = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/en/")).build();
        List<Double> millis = new ArrayList<>();
        List<Double> publishMillis = new ArrayList<>();
        StringBuilder out = new StringBuilder("\n");
        for (int round = 0; round < rounds + 3; round++) {
            String headline = "Bench bulletin " + System.nanoTime();
            long id = imports.bring(new NewStory("en", sectionId, null, headline, "Standfirst.", "<p>Body.</p>", null,
                    StoryStatus.DRAFT, false, false, null, null, null, null, null, null, List.of(), List.of()), "test");
            // The front page is in the cache before the change, as it is under load.
            http.send(front, HttpResponse.BodyHandlers.discarding());
            String before = http.send(front, HttpResponse.BodyHandlers.ofString()).headers().firstValue("X-Cache").orElse("");
            long started = System.nanoTime();
            publishing.publish(id);
            double published = (System.nanoTime() - started) / 1e6;
            int fetches = 0;
            while (true) {
                fetches++;
                HttpResponse<String> page = http.send(front, HttpResponse.BodyHandlers.ofString());
                if (page.body().contains(headline)) {
                    break;
                }
                if (System.nanoTime() - started > 60_000_000_000L) {
                    throw new IllegalStateException("Not visible after 60 s: " + headline);
                }
            }
            double elapsed = (System.nanoTime() - started) / 1e6;
            if (round >= 3) {
                // The first rounds warm the code paths; they are not counted.
                millis.add(elapsed);
                publishMillis.add(published);
                out.append(String.format("round %d: %.1f ms (publish returned after %.1f ms; %d fetch, front page was %s)%n",
                        round - 2, elapsed, published, fetches, before));
            }
        }
        Collections.sort(millis);
        Collections.sort(publishMillis);
        out.append(String.format("%npublish-to-visible: median %.1f ms, max %.1f ms over %d rounds"
                        + " (of which the publish call: median %.1f ms)",
                millis.get(millis.size() / 2), millis.get(millis.size() - 1), millis.size(),
                publishMillis.get(publishMillis.size() / 2)));
        return out.toString();
    }
}

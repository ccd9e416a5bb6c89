package news.gazette.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import news.gazette.GazetteApplication;
import news.gazette.account.Accounts;
import news.gazette.account.Role;
import news.gazette.story.StoryWords;
import news.gazette.support.TestDatabases;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The desk with many stories (ADR 91): {@code DeskBench <data dir or "postgres"> <stories> <requests per address>}. Copies the
 * demo stories in bulk until there are that many, writes the copies' words for the desk (ADR 140), turns some of them
 * into drafts, stories in review and scheduled ones with older last changes, starts Gazette on a free port, signs in
 * as an editor and asks each desk address in turn, printing the median, p95 and slowest answer in milliseconds and
 * the machine's load. Not a test.
 */
public final class DeskBench {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private DeskBench() {
    }

    public static void main(String[] args) throws Exception {
        String dataDir = args[0];
        int total = Integer.parseInt(args[1]);
        int requests = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        // "postgres" instead of a folder: a fresh database of an embedded PostgreSQL in this JVM, grown from empty.
        boolean postgres = dataDir.equals("postgres");
        List<String> options = new ArrayList<>(List.of("--gazette.demo-content=true", "--spring.main.banner-mode=off",
                "--server.port=0", "--server.address=127.0.0.1", "--logging.level.root=WARN"));
        if (postgres) {
            options.add("--gazette.data-dir=" + Files.createTempDirectory("desk-bench-postgres"));
            options.add("--spring.datasource.url=" + TestDatabases.newPostgresDatabase());
            options.add("--spring.datasource.username=postgres");
            options.add("--spring.datasource.password=postgres");
        } else {
            options.add("--gazette.data-dir=" + dataDir);
        }
        SpringApplication app = new SpringApplication(GazetteApplication.class);
        try (ConfigurableApplicationContext context = app.run(options.toArray(String[]::new))) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            grow(jdbc, context.getBean(JdbcTemplate.class), total, postgres);
            jdbc.sql("select execution_time from flyway_schema_history where version = '241'").query(Long.class)
                    .optional().ifPresent(ms -> System.out.printf("migration V241 (words of the stories there) took %,d ms%n", ms));
            long started = System.nanoTime();
            int filled = context.getBean(StoryWords.class).fillMissing();
            if (filled > 0) {
                System.out.printf("words of %,d copied stories written in %d s%n", filled,
                        (System.nanoTime() - started) / 1_000_000_000);
            }
            long drafts = jdbc.sql("select count(*) from stories where status = 'draft'").query(Long.class).single();
            if (drafts < total / 20) {
                mix(jdbc, postgres);
            } else {
                System.out.printf("%,d drafts: the folder was mixed by an earlier run%n", drafts);
            }
            if (postgres) {
                // A database in service has been vacuumed and analysed long since; a bulk-grown one has not, and its
                // first minutes would time autovacuum, not the desk.
                long vacuumed = System.nanoTime();
                jdbc.sql("vacuum analyze").update();
                System.out.printf("vacuum analyze in %d s%n", (System.nanoTime() - vacuumed) / 1_000_000_000);
            }
            long stories = jdbc.sql("select count(*) from stories").query(Long.class).single();
            String email = "desk-bench-" + System.nanoTime() + "@example.org";
            String password = "a long desk bench passphrase " + System.nanoTime();
            context.getBean(Accounts.class).create(email, "Desk bench", password, Role.EDITOR);
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            signIn(http, base, email, password);
            long section = jdbc.sql("select section_id from stories group by section_id order by count(*) desc limit 1")
                    .query(Long.class).single();
            System.out.printf("%,d stories; load average before: %s%n", stories, load());
            System.out.println("| Desk address | median ms | p95 ms | max ms |");
            System.out.println("|---|---:|---:|---:|");
            for (String address : List.of("/newsroom", "/newsroom?view=review", "/newsroom?view=mine",
                    "/newsroom?view=stale", "/newsroom?view=today", "/newsroom?view=scheduled",
                    "/newsroom?sort=views", "/newsroom?sort=published", "/newsroom?edition=ru&status=draft",
                    "/newsroom?section=" + section, "/newsroom?page=200",
                    "/newsroom?q=" + URLEncoder.encode("(99999)", StandardCharsets.UTF_8),
                    "/newsroom?q=" + URLEncoder.encode("(12345)", StandardCharsets.UTF_8) + "&sort=published",
                    "/newsroom?q=nowordlikethis", "/newsroom?q=the", "/newsroom?q=the&sort=published",
                    "/newsroom?q=the&sort=views", "/newsroom?q=the&view=review", "/newsroom?q=the&page=200",
                    "/newsroom?q=the&edition=ru", "/newsroom?q=aragats",
                    "/newsroom?q=aragats&sort=views", "/newsroom?q=" + URLEncoder.encode("таян", StandardCharsets.UTF_8),
                    "/newsroom?q=" + URLEncoder.encode("the 12345", StandardCharsets.UTF_8), "/newsroom?q=th")) {
                measure(http, base + address, address, requests);
            }
            System.out.printf("load average after: %s%n", load());
            // -Ddesk.hold=<file>: the database stays up for a look with psql or H2's shell until the file is deleted.
            String hold = System.getProperty("desk.hold");
            if (hold != null) {
                System.out.println("holding " + context.getEnvironment().getProperty("spring.datasource.url")
                        + " until " + hold + " is deleted");
                Files.writeString(Path.of(hold), "delete me to stop\n");
                while (Files.exists(Path.of(hold))) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000_000L);
                }
            }
        }
    }

    /**
     * Copies the demo stories (text, section, edition, bylines left out) until there are {@code total}, each copy's
     * headline numbered, published a few minutes before the one after it: rows as an archive holds them, written in
     * bulk (the desk reads rows; how they were written does not matter to it).
     */
    private static void grow(JdbcClient jdbc, JdbcTemplate template, int total, boolean postgres) {
        long count = jdbc.sql("select count(*) from stories").query(Long.class).single();
        long models = jdbc.sql("select max(id) from stories").query(Long.class).single();
        long started = System.nanoTime();
        if (count >= total) {
            return;
        }
        for (long round = 1; count < total; round++) {
            jdbc.sql("""
                    insert into stories (edition, section_id, slug, headline, standfirst, body, status, featured,
                        breaking, created_at, published_at, views, version, created_by, changed_at)
                    select edition, section_id, slug, headline || ' (' || cast(cast(? as bigint) * 1000 + id as varchar(20)) || ')',
                        standfirst, body, 'published', false, false, created_at, %s,
                        id, 0, created_by, changed_at
                    from stories where id <= ? order by id limit ?""".formatted(postgres
                    ? "coalesce(published_at, created_at) - cast(? as int) * interval '1 hour'"
                    : "dateadd(hour, -cast(? as int), coalesce(published_at, created_at))"))
                    .params(round, round, models, Math.min(models, total - count)).update();
            count = jdbc.sql("select count(*) from stories").query(Long.class).single();
        }
        System.out.printf("%,d stories after %d s of copying%n", count, (System.nanoTime() - started) / 1_000_000_000);
        copyWords(jdbc, template, models);
    }

    /**
     * The copies' words: their model's words (the copy's views hold the model's id until {@link #mix} spreads them)
     * and the number in the headline, as {@link StoryWords} would find them; in SQL, since reading the text of every
     * copy again would take most of the preparation (ten minutes at 100,000 stories on PostgreSQL). Written once, right
     * after the copies: a folder whose preparation was stopped midway is deleted, not resumed.
     */
    private static void copyWords(JdbcClient jdbc, JdbcTemplate template, long models) {
        long started = System.nanoTime();
        long last = jdbc.sql("select max(id) from stories").query(Long.class).single();
        // One statement per model: its words for each of its copies, found by the index on views (H2 joined the
        // other way round, reading the whole growing table of words for every batch of copies).
        List<Long> modelIds = jdbc.sql("select id from stories where id <= ? order by id").param(models)
                .query(Long.class).list();
        for (long model : modelIds) {
            jdbc.sql("""
                    insert into story_words (story_id, head, word)
                    select c.id, w.head, w.word from story_words w join stories c on c.views = w.story_id
                    where w.story_id = ? and c.views = ? and c.id > ?""")
                    .params(model, model, models).update();
        }
        for (long from = models + 1; from <= last; from += BATCH) {
            List<Object[]> numbers = jdbc.sql("select id, headline from stories where id between ? and ? and views <= ?")
                    .params(from, from + BATCH - 1, models).query((rs, n) -> {
                        String headline = rs.getString(2);
                        String number = headline.substring(headline.lastIndexOf('(') + 1, headline.length() - 1);
                        long id = rs.getLong(1);
                        return new Object[] {id, number.substring(0, 3), number, id, number.substring(0, 3), number};
                    }).list();
            // A model may hold the number already (a year such as 2026): then the copy has the word.
            template.batchUpdate("""
                    insert into story_words (story_id, head, word) select ?, ?, ? from (values (1)) v
                    where not exists (select 1 from story_words x where x.story_id = ? and x.head = ? and x.word = ?)""",
                    numbers);
        }
        System.out.printf("words of the copies written in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    /** How many rows one statement of the preparation changes: each is its own short transaction. */
    private static final int BATCH = 5_000;

    /**
     * A tenth of the stories become drafts, a twentieth wait for review (neither has a publication time), a fiftieth
     * are scheduled for a time to come (a scheduled story whose time has passed would be published by the running
     * application meanwhile, fighting the preparation for the rows); last changes and views spread. Done in batches
     * of ids, each statement committed on its own, so that no transaction holds the table's rows for long (the
     * application's own writers, such as scheduled publishing, wait at most H2's lock timeout).
     */
    private static void mix(JdbcClient jdbc, boolean postgres) {
        long started = System.nanoTime();
        long last = jdbc.sql("select max(id) from stories").query(Long.class).single();
        for (long from = 0; from <= last; from += BATCH) {
            // One statement rewrites each row once (a row holds its text, so every rewrite costs its size).
            jdbc.sql("""
                    update stories set
                      changed_at = case when mod(id, 10) = 1 or mod(id, 20) = 2 then coalesce(published_at, changed_at)
                                        when mod(id, 10) > 3 and status = 'published' and published_at is not null
                                        then published_at else changed_at end,
                      published_at = case when mod(id, 10) = 1 or mod(id, 20) = 2 then null
                                          when mod(id, 50) = 3 then %s
                                          else published_at end,
                      status = case when mod(id, 10) = 1 then 'draft' when mod(id, 20) = 2 then 'in_review'
                                    when mod(id, 50) = 3 then 'scheduled' else status end,
                      views = mod(id * 7919, 100000)
                    where id between ? and ?""".formatted(postgres
                    ? "current_timestamp + (60 + mod(id, 20000)) * interval '1 minute'"
                    : "dateadd(minute, 60 + mod(id, 20000), current_timestamp)")).params(from, from + BATCH - 1).update();
        }
        System.out.printf("stories mixed in %d s%n", (System.nanoTime() - started) / 1_000_000_000);
    }

    private static void signIn(HttpClient http, String base, String email, String password) throws Exception {
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/newsroom/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher token = CSRF.matcher(page);
        if (!token.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + token.group(1);
        http.send(HttpRequest.newBuilder(URI.create(base + "/newsroom/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        int status = http.send(HttpRequest.newBuilder(URI.create(base + "/newsroom")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("Signed in, the desk answers " + status);
        }
    }

    private static void measure(HttpClient http, String url, String label, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).build();
        for (int i = 0; i < 10; i++) {
            http.send(request, HttpResponse.BodyHandlers.discarding());
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            times.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(label + " answered " + response.statusCode());
            }
        }
        Collections.sort(times);
        System.out.printf("| `%s` | %.1f | %.1f | %.1f |%n", label, times.get(times.size() / 2),
                times.get((int) Math.ceil(times.size() * 0.95) - 1), times.get(times.size() - 1));
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }
}

package news.gazette.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;

import news.gazette.GazetteApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** One Gazette node started by a test on a random port, with its own data folder, on a database shared with others. */
final class Node implements AutoCloseable {

    static final String ADMIN = "chief@example.org";
    static final String ADMIN_PASSWORD = "night ferry lanterns over Sevan 1987";

    private static final Semaphore SETTING_UP_LOGGING = new Semaphore(1);

    final String name;
    final ConfigurableApplicationContext context;
    final String base;

    private Node(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.base = "http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    static Node start(String name, String jdbcUrl, String... extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        // As deployed: the production profile, with the demo content asked for and a random management port.
        properties.put("spring.profiles.active", "production");
        properties.put("gazette.demo-content", "true");
        properties.put("management.server.port", "0");
        properties.put("server.port", "0");
        properties.put("spring.datasource.url", jdbcUrl);
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("gazette.node-name", name);
        properties.put("gazette.admin.email", ADMIN);
        properties.put("gazette.admin.password", ADMIN_PASSWORD);
        properties.put("logging.level.news.gazette.cluster.ChangeFeed", "debug");
        try {
            properties.put("gazette.data-dir", Files.createTempDirectory("gazette-" + name).toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String pair : extra) {
            int eq = pair.indexOf('=');
            properties.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        // As arguments, not default properties: those would lose to application.yml.
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        // Boot sets up logging for the whole JVM, and not thread-safely: nodes starting together take turns until
        // then, and run the rest (migrations, demo content, index) at the same time.
        SETTING_UP_LOGGING.acquireUninterruptibly();
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                SETTING_UP_LOGGING.release();
            }
        };
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(GazetteApplication.class)
                    .listeners(event -> {
                        if (event instanceof ApplicationContextInitializedEvent) {
                            release.run();
                        }
                    })
                    .run(args);
        } finally {
            release.run();
        }
        return new Node(name, context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Raises an event in this node as its modules do (the context is its own event publisher, not a bean). */
    void publish(Object event) {
        context.publishEvent(event);
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /** An HTTP client that keeps cookies across nodes (cookies are per host, not per port) and follows no redirect. */
    static HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    static HttpResponse<String> get(HttpClient client, URI uri, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(client, request.build());
    }

    static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.regex.Pattern CSRF = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** A form post, as a browser sends it. */
    static HttpRequest form(URI uri, Map<String, String> fields) {
        return HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build();
    }

    static String encode(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return body.toString();
    }

    /** The CSRF token of the page's form. */
    static String csrf(String html) {
        java.util.regex.Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF field in the page");
        }
        return m.group(1).replace("&#61;", "=").replace("&#x3D;", "=");
    }

    @Override
    public void close() {
        context.close();
    }
}

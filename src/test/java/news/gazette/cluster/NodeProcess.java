package news.gazette.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import news.gazette.GazetteApplication;

import static org.awaitility.Awaitility.await;

/**
 * One Gazette node in an operating-system process of its own, so a test can kill it as a crash would: SIGKILL, no
 * shutdown hook, nothing flushed. It runs from the test's class path with the production profile on the given
 * database (passed by environment, as deployed), and writes its output to a file the test names when it fails.
 */
final class NodeProcess implements AutoCloseable {

    private final Process process;
    final String name;
    final int port;
    final int managementPort;
    final Path log;

    private NodeProcess(Process process, String name, int port, int managementPort, Path log) {
        this.process = process;
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts the node and returns once its {@code /readyz} answers 200 (database and search index ready).
     *
     * @param jdbcUrl the database, or null for the default: an H2 file database in {@code dataDir}
     * @param dataDir where it keeps its search index: the same folder again for a restart
     * @param extra   further {@code name=value} properties
     */
    static NodeProcess start(String name, String jdbcUrl, Path dataDir, Path log, Duration deadline,
                             String... extra) {
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"),
                GazetteApplication.class.getName(),
                "--spring.profiles.active=production",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--management.server.port=" + managementPort,
                "--management.server.address=127.0.0.1",
                "--gazette.node-name=" + name,
                "--gazette.data-dir=" + dataDir,
                "--gazette.demo-content=true",
                "--gazette.admin.email=" + Node.ADMIN,
                "--gazette.admin.password=" + Node.ADMIN_PASSWORD));
        for (String pair : extra) {
            command.add("--" + pair);
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        if (jdbcUrl != null) {
            builder.environment().put("SPRING_DATASOURCE_URL", jdbcUrl);
            builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
            builder.environment().put("SPRING_DATASOURCE_PASSWORD", "postgres");
        }
        Process process;
        try {
            Files.createDirectories(log.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeProcess node = new NodeProcess(process, name, port, managementPort, log);
        try {
            node.awaitReady(deadline);
        } catch (RuntimeException | Error notReady) {
            node.close();
            throw new AssertionError(name + " did not become ready; its output is in " + log + ":\n" + node.tail(40),
                    notReady);
        }
        return node;
    }

    private void awaitReady(Duration deadline) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(uri("/readyz")).timeout(Duration.ofSeconds(5)).build();
        await().atMost(deadline).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited with " + process.exitValue());
            }
            return client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        });
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    URI management(String path) {
        return URI.create("http://127.0.0.1:" + managementPort + path);
    }

    long pid() {
        return process.pid();
    }

    /** SIGKILL, as {@code kill -9} sends it; returns once the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError(name + " still runs 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** SIGTERM, as a service manager stops a node; returns its exit code once it is gone. */
    int stop(Duration deadline) {
        process.destroy();
        try {
            if (!process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError(name + " still runs " + deadline + " after SIGTERM:\n" + tail(40));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of the node's output, for a failure message. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

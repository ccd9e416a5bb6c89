package news.gazette.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A push service on loopback inside the test JVM: each {@code POST /push/<name>} is checked as a real one would
 * (VAPID signature, audience and expiry; {@code aes128gcm} coding; TTL), decrypted with the subscriber's keys by
 * {@link BrowserKeys} (independent of the code under test) and recorded; what it answers is set per endpoint name.
 * A request that fails a check is recorded as a fault and answered 400.
 */
final class StandInPushService implements AutoCloseable {

    /** One message as the browser would see it. */
    record Received(String name, String plaintext, String ttl, String urgency, String topic, long at) {
    }

    /** What an endpoint answers: a status, optionally a Retry-After for the first {@code times} requests, a delay. */
    record Behaviour(int status, String retryAfter, int times, long delayMillis) {
        static Behaviour accept() {
            return new Behaviour(201, null, 0, 0);
        }
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(16);
    final Map<String, BrowserKeys> keys = new ConcurrentHashMap<>();
    final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    /** When each endpoint's requests arrived ({@link System#nanoTime()}), in order. */
    final Map<String, Queue<Long>> arrivals = new ConcurrentHashMap<>();
    final Queue<Received> received = new ConcurrentLinkedQueue<>();
    final List<String> faults = new CopyOnWriteArrayList<>();
    /** Tokens whose ES256 signature was verified (their claims are checked on every request all the same). */
    private final java.util.Set<String> verifiedTokens = ConcurrentHashMap.newKeySet();
    volatile String expectedKey;

    StandInPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
        server.createContext("/push/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** A new endpoint with fresh browser keys. */
    String endpoint(String name, Behaviour behaviour) {
        keys.put(name, new BrowserKeys());
        behaviours.put(name, behaviour);
        return origin() + "/push/" + name;
    }

    List<Received> to(String name) {
        return received.stream().filter(r -> r.name().equals(name)).toList();
    }

    void reset() {
        keys.clear();
        behaviours.clear();
        requests.clear();
        arrivals.clear();
        received.clear();
        faults.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String name = exchange.getRequestURI().getPath().substring("/push/".length());
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            arrivals.computeIfAbsent(name, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime());
            int count = requests.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            Behaviour behaviour = behaviours.getOrDefault(name, new Behaviour(404, null, 0, 0));
            if (behaviour.delayMillis() > 0) {
                try {
                    Thread.sleep(behaviour.delayMillis()); // the stand-in's own slowness, not a test's wait
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            String plaintext;
            try {
                plaintext = verify(exchange, name, body);
            } catch (Exception fault) {
                faults.add(name + ": " + fault);
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            if (behaviour.retryAfter() != null && count <= behaviour.times()) {
                exchange.getResponseHeaders().set("Retry-After", behaviour.retryAfter());
                exchange.sendResponseHeaders(behaviour.status(), -1);
                return;
            }
            int status = behaviour.retryAfter() != null ? 201 : behaviour.status();
            if (status == 201) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(name, plaintext, headers.getFirst("TTL"),
                        headers.getFirst("Urgency"), headers.getFirst("Topic"), System.nanoTime()));
            }
            exchange.sendResponseHeaders(status, -1);
        }
    }

    /** Checks the request as a push service would and returns the message decrypted (null for an unknown name). */
    private String verify(HttpExchange exchange, String name, byte[] body) throws Exception {
        var headers = exchange.getRequestHeaders();
        String key = VapidCheck.check(headers.getFirst("Authorization"), origin(), Instant.now(), verifiedTokens);
        if (expectedKey != null && !expectedKey.equals(key)) {
            throw new IllegalArgumentException("signed by another key");
        }
        if (!"aes128gcm".equals(headers.getFirst("Content-Encoding"))) {
            throw new IllegalArgumentException("Content-Encoding " + headers.getFirst("Content-Encoding"));
        }
        if (headers.getFirst("TTL") == null || !headers.getFirst("TTL").matches("\\d+")) {
            throw new IllegalArgumentException("TTL " + headers.getFirst("TTL"));
        }
        BrowserKeys browser = keys.get(name);
        return browser == null ? null : new String(browser.decrypt(body), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}

package news.gazette.cluster;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A reader load over both nodes of the outage test, counting answers per phase, node, status and X-Cache.
 */
final class ReaderLoad {

    static final int READERS = 6;
    /** Each reader asks about this often: a steady load, not a saturating one, on a machine shared with builds. */
    static final Duration PACE = Duration.ofMillis(20);

    private final List<Node> nodes;
    private final List<String> paths;
    private final AtomicReference<String> phase = new AtomicReference<>("before");
    private final Map<String, Map<String, Map<String, LongAdder>>> outcomes = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> slowest = new ConcurrentHashMap<>();
    private final LongAdder failures = new LongAdder();
    private final ExecutorService pool = Executors.newFixedThreadPool(READERS);
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    ReaderLoad(List<Node> nodes, List<String> paths) {
        this.nodes = nodes;
        this.paths = paths;
    }

    void start() {
        for (int t = 0; t < READERS; t++) {
            int thread = t;
            running.add(pool.submit(() -> read(thread)));
        }
    }

    private void read(int thread) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long next = System.nanoTime();
        for (int i = thread; !stopping; i++) {
            Node node = nodes.get(i % nodes.size());
            String path = paths.get((i / nodes.size()) % paths.size());
            String now = phase.get();
            long asked = System.nanoTime();
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(node.uri(path))
                        .timeout(Duration.ofSeconds(15)).build(), HttpResponse.BodyHandlers.discarding());
                String outcome = answer.statusCode() + " " + answer.headers().firstValue("X-Cache").orElse("-");
                outcomes.computeIfAbsent(now, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(node.name, k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(outcome, k -> new LongAdder()).increment();
                slowest.computeIfAbsent(now, k -> new AtomicLong()).accumulateAndGet(
                        (System.nanoTime() - asked) / 1_000_000, Math::max);
            } catch (IOException e) {
                failures.increment();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            next += PACE.toNanos();
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else {
                next = System.nanoTime();
            }
        }
    }

    void phase(String name) {
        phase.set(name);
    }

    long answered(String phase) {
        return outcomes.getOrDefault(phase, Map.of()).values().stream()
                .flatMap(m -> m.values().stream()).mapToLong(LongAdder::sum).sum();
    }

    Map<String, Map<String, Long>> outcomes(String phase) {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        outcomes.getOrDefault(phase, Map.of()).forEach((node, counts) -> {
            Map<String, Long> c = new TreeMap<>();
            counts.forEach((k, v) -> c.put(k, v.sum()));
            copy.put(node, c);
        });
        return copy;
    }

    long slowest(String phase) {
        return slowest.getOrDefault(phase, new AtomicLong()).get();
    }

    long failures() {
        return failures.sum();
    }

    void stop() throws Exception {
        stopping = true;
        for (Future<?> reader : running) {
            reader.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
    }
}

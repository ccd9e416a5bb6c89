package news.gazette.bench;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 16's second target: a node holding 10,000 open event streams still serves cached story pages at 90 % or more
 * of its throughput without them. Runs against a Gazette already started (bench/live-streams.sh), from another
 * process (each side needs 10,000 sockets): per round, a reference run without streams, then the same run with
 * {@code streams} streams open (raw non-blocking sockets, read by one selector thread, as idle readers would be),
 * then the streams closed. Load: {@code clients} threads fetching the cached story page as fast as they get it.
 * <p>
 * With the server's process id as a seventh argument, also the server's heap after a full collection with the
 * streams open and without them (through {@code jcmd} and {@code jstat}), and so the heap one stream holds.
 * <p>
 * Usage: {@code ManyStreams <port> <story path> <streams> <rounds> <seconds> <clients> [server pid]}.
 */
public final class ManyStreams {

    private ManyStreams() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String story = args[1];
        int streams = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        int clients = Integer.parseInt(args[5]);
        String pid = args.length > 6 ? args[6] : null;
        drive(port, story, 3, clients);
        long heapWithout = pid == null ? 0 : heapAfterCollection(pid);
        double sumRef = 0;
        double sumWith = 0;
        for (int round = 1; round <= rounds; round++) {
            double ref = drive(port, story, seconds, clients);
            try (Streams open = new Streams(port, streams)) {
                if (round == 1 && pid != null) {
                    long heapWith = heapAfterCollection(pid);
                    System.out.printf("server heap after a full collection: %d MB without streams, %d MB with %d open:"
                                    + " %d KB per stream%n", heapWithout >> 20, heapWith >> 20, open.opened(),
                            (heapWith - heapWithout) / 1024 / Math.max(1, open.opened()));
                }
                double with = drive(port, story, seconds, clients);
                System.out.printf("round %d: without %.0f req/s, with %d streams (%d open, %d KB of events read) "
                                + "%.0f req/s, ratio %.3f (load %s)%n", round, ref, streams, open.opened(),
                        open.bytes() / 1024, with, with / ref, load());
                sumRef += ref;
                sumWith += with;
            }
            if (round < rounds) {
                // The server finds closed streams at their next heartbeat (every 15 s) and ends them then: let that
                // happen before the next reference run, so their ending does not slow it down and flatter the ratio.
                Thread.sleep(20_000);
            }
        }
        System.out.printf("many-streams: %d streams, ratio %.3f over %d rounds (with %.0f / without %.0f req/s)%n",
                streams, sumWith / sumRef, rounds, sumWith / rounds, sumRef / rounds);
    }

    /** The server's heap in use after a full collection: the used columns of {@code jstat -gc} (survivors, eden, old). */
    static long heapAfterCollection(String pid) throws Exception {
        run("jcmd", pid, "GC.run");
        String[] lines = run("jstat", "-gc", pid).strip().split("\n");
        String[] names = lines[0].trim().split("\\s+");
        String[] values = lines[lines.length - 1].trim().split("\\s+");
        double kilobytes = 0;
        for (int i = 0; i < names.length; i++) {
            if (List.of("S0U", "S1U", "EU", "OU").contains(names[i])) {
                kilobytes += Double.parseDouble(values[i]);
            }
        }
        return (long) (kilobytes * 1024);
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static String load() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    /** Requests per second of the cached story page over {@code seconds}, from {@code clients} threads. */
    static double drive(int port, String story, int seconds, int clients) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + story)).build();
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            done.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return done.get() / (double) seconds;
    }

    /** Open event streams, read (and thrown away) by one selector thread. */
    static final class Streams implements AutoCloseable {

        private final Selector selector = Selector.open();
        private final List<SocketChannel> channels = new ArrayList<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong bytes = new AtomicLong();
        /** Streams whose answer began with status 200, and those answered otherwise (503 when the node is full). */
        private final java.util.concurrent.atomic.AtomicInteger ok = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
        private final Thread reader;

        Streams(int port, int count) throws Exception {
            byte[] request = ("GET /api/v1/editions/en/events HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < count; i++) {
                SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
                channel.write(ByteBuffer.wrap(request));
                channel.configureBlocking(false);
                channels.add(channel);
            }
            for (SocketChannel channel : channels) {
                channel.register(selector, SelectionKey.OP_READ);
            }
            reader = new Thread(this::read, "streams-reader");
            reader.setDaemon(true);
            reader.start();
            // Every stream has been answered and sent its first event (the current state) before the measured run.
            long deadline = System.nanoTime() + 180_000_000_000L;
            while ((ok.get() + refused.get() < count || bytes.get() < count * 100L) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (ok.get() < count) {
                System.out.printf("only %d of %d streams open (%d refused)%n", ok.get(), count, refused.get());
            }
        }

        /** Streams the server answered with 200 and holds open. */
        int opened() {
            return ok.get();
        }

        long bytes() {
            return bytes.get();
        }

        private void read() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(64 * 1024);
            try {
                while (running.get()) {
                    selector.select(200);
                    for (SelectionKey key : selector.selectedKeys()) {
                        buffer.clear();
                        int n = ((SocketChannel) key.channel()).read(buffer);
                        if (n < 0) {
                            key.cancel();
                        } else {
                            bytes.addAndGet(n);
                            if (key.attachment() == null && n >= 12) {
                                byte[] status = new byte[12];
                                buffer.flip();
                                buffer.get(status);
                                (new String(status, StandardCharsets.US_ASCII).equals("HTTP/1.1 200") ? ok : refused)
                                        .incrementAndGet();
                                key.attach(Boolean.TRUE);
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (Exception e) {
                System.out.println("streams reader stopped: " + e);
            }
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            reader.join(2000);
            for (SocketChannel channel : channels) {
                channel.close();
            }
            selector.close();
        }
    }
}

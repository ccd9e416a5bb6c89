package news.gazette.newsletter;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * A relay on loopback between Gazette and the test's SMTP server, reading the client's side line by line: it counts
 * connections, notes when each mail's final dot passes, and can behave as servers do that end connections: close one
 * at the n-th {@code MAIL FROM} on it (before that mail, like a server with a limit of mails per connection), or close
 * it right after the n-th mail's final dot, before the server's answer reaches the client (the mail is delivered, the
 * client cannot know).
 */
final class SmtpRelay {

    private final ServerSocket server;
    /** The server's port, asked at each connection (GreenMail may be restarted on another between test classes). */
    private final IntSupplier target;
    final AtomicInteger connections = new AtomicInteger();
    final List<Long> mailEnds = new CopyOnWriteArrayList<>();
    /** Closes a connection at its n-th {@code MAIL FROM}, not forwarded; 0: never. */
    volatile int dropAtMail;
    /** Closes a connection after forwarding its n-th mail's final dot, before the answer; 0: never. */
    volatile int loseAnswerAtMail;

    SmtpRelay(IntSupplier target) {
        this.target = target;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Thread accept = new Thread(this::accept, "smtp-relay");
        accept.setDaemon(true);
        accept.start();
    }

    int port() {
        return server.getLocalPort();
    }

    void reset() {
        dropAtMail = 0;
        loseAnswerAtMail = 0;
        mailEnds.clear();
        connections.set(0);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                Socket upstream;
                try {
                    upstream = new Socket(InetAddress.getLoopbackAddress(), target.getAsInt());
                } catch (IOException unreachable) {
                    close(client);
                    continue;
                }
                AtomicBoolean loseAnswer = new AtomicBoolean();
                start(() -> down(upstream, client, loseAnswer));
                start(() -> up(client, upstream, loseAnswer));
            } catch (IOException e) {
                // The next connection is served anyway.
            }
        }
    }

    /** The server's answers to the client, unless the next answer is to be lost: then both ends are closed. */
    private static void down(Socket upstream, Socket client, AtomicBoolean loseAnswer) {
        try (InputStream in = upstream.getInputStream(); OutputStream out = client.getOutputStream()) {
            byte[] buffer = new byte[8192];
            for (int read; (read = in.read(buffer)) > 0; ) {
                if (loseAnswer.get()) {
                    break;
                }
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // Either side closed.
        } finally {
            close(client, upstream);
        }
    }

    /** The client's commands and mails to the server, line by line. */
    private void up(Socket client, Socket upstream, AtomicBoolean loseAnswer) {
        int mails = 0;
        boolean inData = false;
        try (InputStream in = new BufferedInputStream(client.getInputStream());
             OutputStream out = new BufferedOutputStream(upstream.getOutputStream())) {
            for (byte[] line; (line = readLine(in)) != null; ) {
                String text = new String(line, StandardCharsets.ISO_8859_1);
                if (!inData) {
                    String command = text.toUpperCase(Locale.ROOT);
                    if (command.startsWith("MAIL FROM")) {
                        mails++;
                        if (mails == dropAtMail) {
                            break;
                        }
                    }
                    inData = command.equals("DATA\r\n");
                    out.write(line);
                    out.flush();
                } else {
                    if (text.equals(".\r\n")) {
                        inData = false;
                        mailEnds.add(System.nanoTime());
                        loseAnswer.set(mails == loseAnswerAtMail);
                        out.write(line);
                        out.flush();
                    } else {
                        out.write(line);
                    }
                }
            }
        } catch (IOException e) {
            // Either side closed.
        } finally {
            if (!loseAnswer.get()) {
                close(client, upstream);
            }
        }
    }

    private static byte[] readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        for (int b; (b = in.read()) != -1; ) {
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        return line.size() == 0 ? null : line.toByteArray();
    }

    private static void start(Runnable pump) {
        Thread thread = new Thread(pump, "smtp-relay-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket... sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closed already.
            }
        }
    }
}

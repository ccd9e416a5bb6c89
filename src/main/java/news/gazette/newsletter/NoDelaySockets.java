package news.gazette.newsletter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.Session;

/**
 * Plain sockets to the mail server with Nagle's algorithm off. SMTP is a dialogue of short lines: a mail's final
 * {@code .} is written just after the text and then waited on, and with Nagle on that last small segment is held
 * until the server acknowledges the text, which the server's delayed acknowledgement puts off by up to 40 ms. On a
 * connection that carries mail after mail this wait, not the processor, set the pace (about 11 mails a second per
 * connection on loopback, ADR 135). STARTTLS layers over the same socket, so it keeps the setting; for {@code smtps}
 * and for a socket factory the outlet configured itself, nothing is changed.
 */
final class NoDelaySockets extends SocketFactory {

    private static final NoDelaySockets INSTANCE = new NoDelaySockets();

    private NoDelaySockets() {
    }

    /**
     * The session to open {@code protocol} connections with: the given one, or a copy whose plain sockets have
     * Nagle's algorithm off when the protocol is plain SMTP and no socket factory is configured.
     */
    static Session session(Session configured, String protocol) {
        Properties properties = configured.getProperties();
        String key = "mail." + protocol + ".socketFactory";
        if (!"smtp".equals(protocol) || properties.get(key) != null || properties.get(key + ".class") != null) {
            return configured;
        }
        Properties copy = new Properties();
        copy.putAll(properties);
        copy.put(key, INSTANCE);
        return Session.getInstance(copy);
    }

    @Override
    public Socket createSocket() throws IOException {
        return noDelay(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return noDelay(new Socket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return noDelay(new Socket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return noDelay(new Socket(address, port, localAddress, localPort));
    }

    private static Socket noDelay(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        return socket;
    }
}

package news.gazette.newsletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Properties;

import javax.net.SocketFactory;

import jakarta.mail.Session;
import org.junit.jupiter.api.Test;

/** The mail server's plain SMTP sockets are opened with Nagle's algorithm off; other settings are left alone. */
class NoDelaySocketsTest {

    @Test
    void plainSmtpSocketsSendSmallLinesAtOnce() throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.timeout", "5000");
        Session configured = Session.getInstance(settings);

        Session session = NoDelaySockets.session(configured, "smtp");

        assertThat(session.getProperty("mail.smtp.timeout")).isEqualTo("5000");
        assertThat(configured.getProperties().get("mail.smtp.socketFactory")).isNull();
        SocketFactory factory = (SocketFactory) session.getProperties().get("mail.smtp.socketFactory");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket unconnected = factory.createSocket();
             Socket connected = factory.createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
            assertThat(unconnected.getTcpNoDelay()).isTrue();
            assertThat(connected.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aFactoryOfTheOutletsOwnAndSmtpsAreLeftAsConfigured() {
        Properties own = new Properties();
        own.put("mail.smtp.socketFactory.class", "org.example.OwnSockets");
        Session withOwn = Session.getInstance(own);
        Session smtps = Session.getInstance(new Properties());

        assertThat(NoDelaySockets.session(withOwn, "smtp")).isSameAs(withOwn);
        assertThat(NoDelaySockets.session(smtps, "smtps")).isSameAs(smtps);
    }
}

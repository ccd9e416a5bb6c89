package news.gazette.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmbedsTest {

    @ParameterizedTest
    @CsvSource({
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10, YOUTUBE, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtu.be/dQw4w9WgXcQ, YOUTUBE, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/shorts/dQw4w9WgXcQ, YOUTUBE, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ, YOUTUBE, https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://twitter.com/gazette/status/1234567890, X, https://x.com/gazette/status/1234567890",
            "https://x.com/gazette/status/1234567890?s=20, X, https://x.com/gazette/status/1234567890",
            "https://t.me/gazette_news/512, TELEGRAM, https://t.me/gazette_news/512",
            "https://www.instagram.com/p/Cabc123_-x/, INSTAGRAM, https://www.instagram.com/p/Cabc123_-x/",
            "https://instagram.com/reel/Cabc123/, INSTAGRAM, https://www.instagram.com/reel/Cabc123/"})
    void knownAddressesAreRebuiltFromTheirId(String address, Embeds.Provider provider, String canonical) {
        Block.Embed embed = Embeds.recognize(address).orElseThrow();
        assertThat(embed.provider()).isEqualTo(provider);
        assertThat(embed.url()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
            "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ", "https://evil.example/?u=https://youtu.be/dQw4w9WgXcQ",
            "https://user@youtube.com/watch?v=dQw4w9WgXcQ", "https://youtube.com:8443/watch?v=dQw4w9WgXcQ",
            "https://www.youtube.com/watch?v=short", "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"onmouseover=alert(1)",
            "ftp://t.me/channel/1", "https://t.me/joinchat/abc", "https://x.com/home", "https://www.facebook.com/x/posts/1",
            "data:text/html,<script>alert(1)</script>", "", "https://vimeo.com/123"})
    void anythingElseIsRefused(String address) {
        assertThat(Embeds.recognize(address)).isEmpty();
    }
}

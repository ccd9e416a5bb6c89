package news.gazette.story;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The machine-translation adapter for LibreTranslate's HTTP API ({@code POST /translate} with {@code q}, {@code source},
 * {@code target}, {@code format} and an optional {@code api_key}; the answer's {@code translatedText}). Off unless
 * {@code gazette.translation.machine.url} names the server.
 */
@Component
class LibreTranslate implements MachineTranslation {

    private final String url;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    LibreTranslate(@Value("${gazette.translation.machine.url:}") String url,
                   @Value("${gazette.translation.machine.api-key:}") String apiKey,
                   @Value("${gazette.translation.machine.timeout:10s}") Duration timeout) {
        this.url = url == null ? "" : url.strip().replaceAll("/+$", "");
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public boolean enabled() {
        return !url.isEmpty();
    }

    @Override
    public String translate(String text, String from, String to, boolean html) {
        if (!enabled()) {
            throw new Failed("No machine translation is configured", null);
        }
        Map<String, String> body = new LinkedHashMap<>();
        body.put("q", text);
        body.put("source", from);
        body.put("target", to);
        body.put("format", html ? "html" : "text");
        if (apiKey != null && !apiKey.isBlank()) {
            body.put("api_key", apiKey);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/translate")).timeout(timeout)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        try {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new Failed("The translation server answered HTTP " + answer.statusCode(), null);
            }
            JsonNode translated = json.readTree(answer.body()).get("translatedText");
            if (translated == null || !translated.isString()) {
                throw new Failed("The translation server's answer has no translatedText", null);
            }
            return translated.asString();
        } catch (HttpTimeoutException e) {
            throw new Failed("The translation server did not answer in " + timeout.toSeconds() + " s", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof Failed failed) {
                throw failed;
            }
            throw new Failed("The translation server could not be used: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed("Interrupted", e);
        }
    }
}

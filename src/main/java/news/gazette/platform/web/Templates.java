package news.gazette.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * The one jte engine of the application: precompiled templates rendered straight to UTF-8 bytes (ADR 2).
 * The reader site and the newsroom both render through it.
 */
@Component
public class Templates {

    public static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);

    public byte[] render(String template, Map<String, Object> params) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        engine.render(template, params, output);
        return output.toByteArray();
    }
}

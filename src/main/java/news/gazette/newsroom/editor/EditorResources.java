package news.gazette.newsroom.editor;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * TinyMCE's files from its WebJar, under the newsroom (signed-in only, never in the page cache). The version is
 * part of the path, so browsers may keep them.
 */
@Configuration(proxyBeanMethods = false)
class EditorResources implements WebMvcConfigurer {

    static final String TINYMCE = "/newsroom/tinymce/6.8.3/";

    /** The options every newsroom TinyMCE shares (the story editor's and the live-blog screen's), before their own. */
    static final String SHARED_OPTIONS = "/assets/js/tinymce-base.js";

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(TINYMCE + "**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/tinymce/6.8.3/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePrivate());
    }
}

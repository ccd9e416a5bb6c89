package news.gazette.api;

import news.gazette.account.AppKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Properties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiConfiguration implements WebMvcConfigurer {

    /** First in line, ahead of the page cache, and only on {@code /api/*}: reader pages never pass through it. */
    @Bean
    FilterRegistrationBean<ApiGate> apiGate(ApiProperties properties, AppKeys keys) {
        ApiProperties.RateLimit limit = properties.rateLimit();
        TokenBuckets buckets = limit.enabled()
                ? new TokenBuckets(limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime)
                : null;
        AppLimits apps = new AppLimits(keys, limit.enabled(), System::nanoTime);
        FilterRegistrationBean<ApiGate> registration = new FilterRegistrationBean<>(
                new ApiGate(buckets, limit.clientHeader(), apps));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Inside the page cache and security, so it sees the answer as rendered. */
    @Bean
    FilterRegistrationBean<ApiEtags> apiEtags() {
        FilterRegistrationBean<ApiEtags> registration = new FilterRegistrationBean<>(new ApiEtags());
        registration.setOrder(0);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Swagger UI's files, from its WebJar, under the path of the UI page ({@link ApiDocs}). */
    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler(ApiDocs.UI + "/ui/**")
                .addResourceLocations("classpath:/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }

    private static String swaggerUiVersion() {
        Properties pom = new Properties();
        try (InputStream in = new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties").getInputStream()) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("The swagger-ui WebJar is missing", e);
        }
        return pom.getProperty("version");
    }

    /** Preflight requests of apps' scripts: reading only, from anywhere, never with credentials. */
    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOrigins("*").allowedMethods("GET", "HEAD", "OPTIONS")
                .allowedHeaders(HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.IF_NONE_MATCH,
                        HttpHeaders.IF_MODIFIED_SINCE, AppKeys.HEADER)
                .exposedHeaders(ApiGate.EXPOSED.split(", ")).allowCredentials(false).maxAge(86_400);
    }
}

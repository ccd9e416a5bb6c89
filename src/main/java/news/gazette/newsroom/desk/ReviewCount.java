package news.gazette.newsroom.desk;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.newsroom.Menu;
import news.gazette.story.DeskSearch;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Counts the stories waiting for review for every newsroom page an editor opens, so that the menu shows the review
 * queue's length ({@link Menu#waiting()}). One indexed count per page; nothing for other roles or other requests.
 */
@Configuration
class ReviewCount implements WebMvcConfigurer, HandlerInterceptor {

    private final DeskSearch search;

    ReviewCount(DeskSearch search) {
        this.search = search;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/newsroom", "/newsroom/**")
                .excludePathPatterns("/newsroom/api/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if ("GET".equals(request.getMethod()) && request.isUserInRole("EDITOR")) {
            request.setAttribute(Menu.WAITING, search.waitingForReview());
        }
        return true;
    }
}

package news.gazette.reader;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.platform.web.SecurityConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Errors raised outside the controllers (by filters or the server itself) get the same localized answer.
 */
@Controller
class ContainerErrors implements ErrorController {

    private final ErrorPages pages;

    ContainerErrors(ErrorPages pages) {
        this.pages = pages;
    }

    @RequestMapping("/error")
    ResponseEntity<?> error(HttpServletRequest request, HttpServletResponse response) {
        // Errors the servlet itself sends (a TRACE's 405, say) can leave before Spring Security's header writer ran.
        SecurityConfiguration.writeBaseline(request, response);
        return pages.answer(request, ErrorPages.statusOf(request));
    }
}

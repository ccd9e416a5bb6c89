package news.gazette.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import news.gazette.platform.web.PageNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Where {@link ApiGate} forwards a request it refuses (over its client's rate, or not taking JSON): answered as a
 * problem detail by the error handling every request has, with the security headers. Asked for directly, there is
 * nothing here.
 */
@RestController
class Refusals {

    static final String PATH = "/api/v1/refused";
    static final String ATTRIBUTE = Refusals.class.getName() + ".status";

    @RequestMapping(PATH)
    void refuse(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.FORWARD
                || !(request.getAttribute(ATTRIBUTE) instanceof HttpStatus status)) {
            throw new PageNotFoundException("Not a resource");
        }
        throw new ResponseStatusException(status);
    }
}

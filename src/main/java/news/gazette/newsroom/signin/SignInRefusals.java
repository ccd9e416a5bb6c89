package news.gazette.newsroom.signin;

import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The sign-in screens answer a refusal with the newsroom's short localized page in its status, like the other
 * newsroom screens; never the reader site's error page (whose advice would otherwise come first).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@ControllerAdvice(basePackages = "news.gazette.newsroom.signin")
class SignInRefusals extends ScreenRefusals {

    SignInRefusals(Screens screens) {
        super(screens);
    }
}

package news.gazette.newsroom.signin;

import news.gazette.newsroom.Screens;
import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import news.gazette.account.Accounts;
import news.gazette.platform.web.RoutedPath;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session of an account that the sign-in policy covers and that has neither a passkey nor a second factor may open
 * only the setup pages and sign out; everything else leads to the setup page (a page) or is refused (any other
 * request). Once a passkey or a second factor is in place the session goes on as any other.
 */
public final class SetupFirst extends OncePerRequestFilter {

    /** Where such a session may go: setting up a factor, the passkey ceremony, signing out. */
    private static final List<String> ALLOWED = List.of(SignedIn.SETUP, TwoFactorScreens.PATH,
            TwoFactorScreens.PATH + "/confirm", "/webauthn/register/options", "/webauthn/register",
            "/newsroom/logout", "/newsroom/login");

    private final Accounts accounts;
    private final SignedIn signedIn;
    private final Screens pages;

    public SetupFirst(Accounts accounts, SignedIn signedIn, Screens pages) {
        this.accounts = accounts;
        this.signedIn = signedIn;
        this.pages = pages;
    }

    /** Whether this request's session must set up a factor first. */
    static boolean pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(SignedIn.SETUP_FIRST) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(SignedIn.SETUP_FIRST);
        if (id instanceof Long accountId) {
            boolean done = accounts.byId(accountId).map(signedIn::strong).orElse(false);
            if (done) {
                session.removeAttribute(SignedIn.SETUP_FIRST);
            } else if (!ALLOWED.contains(RoutedPath.of(request))) {
                if ("GET".equals(request.getMethod())) {
                    response.sendRedirect(SignedIn.SETUP);
                } else {
                    var refused = pages.message(request, HttpStatus.FORBIDDEN, "newsroom.signin.setup.first");
                    response.setStatus(refused.getStatusCode().value());
                    refused.getHeaders().forEach((name, values) -> values.forEach(v -> response.addHeader(name, v)));
                    response.getOutputStream().write(refused.getBody());
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}

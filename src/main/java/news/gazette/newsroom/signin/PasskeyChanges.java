package news.gazette.newsroom.signin;

import java.io.IOException;
import java.security.Principal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import news.gazette.account.Accounts;
import news.gazette.platform.web.RoutedPath;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Around Spring Security's passkey registration: when the account has one passkey more afterwards, the change is
 * told to the account and recorded ({@link ChangeNotices}), as every other change to how it signs in.
 */
final class PasskeyChanges extends OncePerRequestFilter {

    private final Accounts accounts;
    private final Passkeys passkeys;
    private final ChangeNotices notices;

    PasskeyChanges(Accounts accounts, Passkeys passkeys, ChangeNotices notices) {
        this.accounts = accounts;
        this.passkeys = passkeys;
        this.notices = notices;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !"/webauthn/register".equals(RoutedPath.of(request));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal who = request.getUserPrincipal();
        int before = who == null ? 0 : passkeys.of(who.getName()).size();
        chain.doFilter(request, response);
        if (who != null && passkeys.of(who.getName()).size() > before) {
            accounts.byEmail(who.getName()).ifPresent(account ->
                    notices.tell(account, "passkey.added", null, request.getRemoteAddr()));
        }
    }
}

package news.gazette.newsroom.security;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps a signed-in session in step with its account: once the account is disabled or gone, or its password has
 * changed since the session signed in, the session ends at its next request, on whichever node; a changed role
 * applies from the next request on, without signing in again.
 */
public final class StillEnabled extends OncePerRequestFilter {

    /** The session attribute a form login leaves, naming the account it signed in. */
    public static final String ACCOUNT = StillEnabled.class.getName() + ".account";
    /** The session attribute naming the account's password version the session signed in with. */
    public static final String PASSWORD_VERSION = StillEnabled.class.getName() + ".password";

    private final Accounts accounts;

    public StillEnabled(Accounts accounts) {
        this.accounts = accounts;
    }

    public static void remember(HttpServletRequest request, Account account) {
        request.getSession().setAttribute(ACCOUNT, account.id());
        request.getSession().setAttribute(PASSWORD_VERSION, account.passwordVersion());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Object id = session == null ? null : session.getAttribute(ACCOUNT);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (id instanceof Long accountId && current != null) {
            // A session from before password versions were kept counts as signed in with the first password.
            int signedInWith = session.getAttribute(PASSWORD_VERSION) instanceof Integer version ? version : 0;
            Optional<Account> account = accounts.byId(accountId).filter(Account::enabled)
                    .filter(a -> a.passwordVersion() == signedInWith);
            if (account.isEmpty()) {
                session.invalidate();
                SecurityContextHolder.clearContext();
                response.sendRedirect(NewsroomSecurity.LOGIN);
                return;
            }
            String[] roles = account.get().role().authorities();
            boolean same = current.getAuthorities().size() == roles.length && current.getAuthorities().stream()
                    .allMatch(a -> Arrays.asList(roles).contains(a.getAuthority()));
            if (!same) {
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null,
                        AuthorityUtils.createAuthorityList(roles));
                SecurityContextHolder.getContext().setAuthentication(refreshed);
            }
        }
        chain.doFilter(request, response);
    }
}

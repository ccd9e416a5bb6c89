package news.gazette.newsroom;

import java.util.Set;
import java.util.stream.Collectors;

import news.gazette.account.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * What the newsroom's menu offers the signed-in account: only the screens its role may open (the same rules
 * {@link NewsroomSecurity} enforces), so nobody is shown a link that leads to a refusal.
 */
public record Menu(boolean editor, boolean admin) {

    /** The request attribute holding the number of stories waiting for review, set for editors' pages. */
    public static final String WAITING = Menu.class.getName() + ".waiting";

    /** The number of stories waiting for review, shown beside the review queue in the menu; 0 when not counted. */
    public int waiting() {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        Object count = attributes == null ? null
                : attributes.getAttribute(WAITING, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        return count instanceof Integer n ? n : 0;
    }

    /** The menu of the account whose request is being answered; no links beyond the desk when there is none. */
    public static Menu current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            return new Menu(false, false);
        }
        Set<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
        return new Menu(roles.contains("ROLE_" + Role.EDITOR.name()), roles.contains("ROLE_" + Role.ADMIN.name()));
    }
}

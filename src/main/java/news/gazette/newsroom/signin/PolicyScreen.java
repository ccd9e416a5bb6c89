package news.gazette.newsroom.signin;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Role;
import news.gazette.account.SignInPolicy;
import news.gazette.audit.AuditLog;
import news.gazette.newsroom.Screens;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The admin's sign-in policy: which roles must use a passkey or an authenticator app. */
@Controller
class PolicyScreen {

    static final String PATH = "/newsroom/security/policy";

    private final Screens screens;
    private final SignInPolicy policy;
    private final AuditLog audit;

    PolicyScreen(Screens screens, SignInPolicy policy, AuditLog audit) {
        this.screens = screens;
        this.policy = policy;
        this.audit = audit;
    }

    @GetMapping(PATH)
    ResponseEntity<byte[]> show(HttpServletRequest request, CsrfToken csrf) {
        return page(request, csrf, "");
    }

    /** Each settable role is required when its box is ticked ({@code required=EDITOR}, {@code required=ADMIN}). */
    @PostMapping(PATH)
    ResponseEntity<byte[]> save(@RequestParam MultiValueMap<String, String> form, Principal who,
                                HttpServletRequest request, CsrfToken csrf) {
        List<String> ticked = form.getOrDefault("required", List.of());
        for (Role role : List.of(Role.EDITOR, Role.ADMIN)) {
            boolean required = ticked.contains(role.name());
            if (policy.requiredFor(role) != required) {
                policy.set(role, required);
                audit.record(who.getName(), "sign-in-policy.change", "role:" + role.name(),
                        required ? "passkey or second factor required" : "not required", request.getRemoteAddr());
            }
        }
        return page(request, csrf, screens.texts(request).get("newsroom.signin.policy.saved"));
    }

    private ResponseEntity<byte[]> page(HttpServletRequest request, CsrfToken csrf, String notice) {
        Map<Role, Boolean> now = policy.current();
        return screens.page(HttpStatus.OK, "newsroom/signin/policy.jte", request, Map.of("csrf", csrf,
                "editors", now.get(Role.EDITOR), "admins", now.get(Role.ADMIN), "notice", notice,
                "editorRole", Role.EDITOR.name(), "adminRole", Role.ADMIN.name()));
    }
}

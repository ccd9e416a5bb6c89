package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.security.StillEnabled;

import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Account;
import news.gazette.account.Role;
import news.gazette.platform.text.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Accounts and roles, for admins; and every account's own password. A generated password is shown on the answer to
 * the change that made it, and never again.
 */
@Controller
class AccountScreens extends ScreenRefusals {

    private final AccountAdministration administration;

    AccountScreens(Screens screens, AccountAdministration administration) {
        super(screens);
        this.administration = administration;
    }

    @GetMapping("/newsroom/accounts")
    ResponseEntity<byte[]> list(HttpServletRequest request, Principal who, CsrfToken csrf) {
        return accountsPage(HttpStatus.OK, request, who, csrf, "", "", Map.of());
    }

    @PostMapping("/newsroom/accounts")
    ResponseEntity<byte[]> create(@RequestParam Map<String, String> form, HttpServletRequest request, Principal who,
                                  CsrfToken csrf) {
        Texts t = screens.texts(request);
        try {
            var created = administration.create(screens.actor(who, request), form.get("email"),
                    form.get("displayName"), form.get("role"), form.get("password"));
            String notice = created.password() == null ? t.get("newsroom.accounts.created", created.account().email())
                    : t.get("newsroom.accounts.created-with-password", created.account().email(), created.password());
            return accountsPage(HttpStatus.OK, request, who, csrf, notice, "", Map.of());
        } catch (Refusal refusal) {
            return accountsPage(refusal.status(), request, who, csrf, "", t.get(refusal.key(), refusal.args()), form);
        }
    }

    @PostMapping("/newsroom/accounts/{id:[0-9]{1,18}}/role")
    ResponseEntity<byte[]> role(@PathVariable long id, @RequestParam(defaultValue = "") String role,
                                HttpServletRequest request, Principal who, CsrfToken csrf) {
        return change(request, who, csrf, () -> administration.changeRole(screens.actor(who, request), id, role),
                "newsroom.accounts.role-changed");
    }

    @PostMapping("/newsroom/accounts/{id:[0-9]{1,18}}/enabled")
    ResponseEntity<byte[]> enabled(@PathVariable long id, @RequestParam(defaultValue = "") String enabled,
                                   HttpServletRequest request, Principal who, CsrfToken csrf) {
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        return change(request, who, csrf,
                () -> administration.setEnabled(screens.actor(who, request), id, Boolean.parseBoolean(enabled)),
                enabled.equals("true") ? "newsroom.accounts.enabled-now" : "newsroom.accounts.disabled-now");
    }

    @PostMapping("/newsroom/accounts/{id:[0-9]{1,18}}/password")
    ResponseEntity<byte[]> resetPassword(@PathVariable long id, @RequestParam(defaultValue = "") String password,
                                         HttpServletRequest request, Principal who, CsrfToken csrf) {
        Texts t = screens.texts(request);
        try {
            Actor actor = screens.actor(who, request);
            String generated = administration.resetPassword(actor, id, password, sessionId(request));
            Account account = administration.get(id);
            if (account.id() == actor.account().id()) {
                StillEnabled.remember(request, account);
            }
            String notice = (generated == null ? t.get("newsroom.accounts.password-set", account.email())
                    : t.get("newsroom.accounts.password-generated", account.email(), generated))
                    + " " + t.get("newsroom.password.afterwards");
            return accountsPage(HttpStatus.OK, request, who, csrf, notice, "", Map.of());
        } catch (Refusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            return accountsPage(refusal.status(), request, who, csrf, "", t.get(refusal.key(), refusal.args()), Map.of());
        }
    }

    @GetMapping("/newsroom/password")
    ResponseEntity<byte[]> passwordForm(HttpServletRequest request, CsrfToken csrf) {
        return screens.page(HttpStatus.OK, "newsroom/password.jte", request,
                Map.of("csrf", csrf, "notice", "", "error", ""));
    }

    @PostMapping("/newsroom/password")
    ResponseEntity<byte[]> changePassword(@RequestParam(defaultValue = "") String current,
                                          @RequestParam(defaultValue = "") String password,
                                          HttpServletRequest request, Principal who, CsrfToken csrf) {
        Texts t = screens.texts(request);
        try {
            Account account = administration.changeOwnPassword(screens.actor(who, request), current, password,
                    sessionId(request));
            StillEnabled.remember(request, account);
            return screens.page(HttpStatus.OK, "newsroom/password.jte", request, Map.of("csrf", csrf,
                    "notice", t.get("newsroom.password.changed") + " " + t.get("newsroom.password.afterwards"),
                    "error", ""));
        } catch (Refusal refusal) {
            return screens.page(refusal.status(), "newsroom/password.jte", request,
                    Map.of("csrf", csrf, "notice", "", "error", t.get(refusal.key(), refusal.args())));
        }
    }

    private static String sessionId(HttpServletRequest request) {
        var session = request.getSession(false);
        return session == null ? null : session.getId();
    }

    private ResponseEntity<byte[]> change(HttpServletRequest request, Principal who, CsrfToken csrf, Runnable change,
                                          String doneKey) {
        Texts t = screens.texts(request);
        try {
            change.run();
            return accountsPage(HttpStatus.OK, request, who, csrf, t.get(doneKey), "", Map.of());
        } catch (Refusal refusal) {
            if (refusal.status() == HttpStatus.NOT_FOUND) {
                throw refusal;
            }
            return accountsPage(refusal.status(), request, who, csrf, "", t.get(refusal.key(), refusal.args()), Map.of());
        }
    }

    private ResponseEntity<byte[]> accountsPage(HttpStatus status, HttpServletRequest request, Principal who,
                                                CsrfToken csrf, String notice, String error, Map<String, String> typed) {
        List<AccountRow> rows = administration.all().stream()
                .map(a -> new AccountRow(a.id(), a.email(), a.displayName(), a.role().name(), a.enabled(),
                        a.email().equals(who.getName())))
                .toList();
        Map<String, String> form = new HashMap<>();
        form.put("email", typed.getOrDefault("email", ""));
        form.put("displayName", typed.getOrDefault("displayName", ""));
        form.put("role", typed.getOrDefault("role", Role.CONTRIBUTOR.name()).toUpperCase(Locale.ROOT));
        return screens.page(status, "newsroom/accounts.jte", request, Map.of("csrf", csrf, "rows", rows,
                "roles", List.of(Role.values()).stream().map(Role::name).toList(), "form", form,
                "notice", notice, "error", error));
    }
}

package news.gazette.newsroom.api;

import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.Screens;
import news.gazette.newsroom.administration.AccountAdministration;
import news.gazette.newsroom.administration.SettingsEditing;
import news.gazette.newsroom.administration.TokenKeeping;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Account;
import news.gazette.account.ApiTokens;
import news.gazette.site.EditionSettings;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts and site settings (admins) and one's own API tokens (everyone) over JSON. Passwords and tokens are
 * answered once, when they are made; password hashes never.
 */
@RestController
class AdministrationApi extends ApiProblems {

    private final AccountAdministration accounts;
    private final SettingsEditing settings;
    private final TokenKeeping tokens;

    AdministrationApi(Screens screens, AccountAdministration accounts, SettingsEditing settings, TokenKeeping tokens) {
        super(screens);
        this.accounts = accounts;
        this.settings = settings;
        this.tokens = tokens;
    }

    @GetMapping(ApiSecurity.BASE + "/accounts")
    List<AccountView> accounts() {
        return accounts.all().stream().map(AccountView::of).toList();
    }

    @PostMapping(ApiSecurity.BASE + "/accounts")
    ResponseEntity<NewAccount> createAccount(@RequestBody AccountBody body, Principal who, HttpServletRequest request) {
        var created = accounts.create(actor(who, request), body.email(), body.displayName(), body.role(), body.password());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new NewAccount(AccountView.of(created.account()), created.password()));
    }

    @PutMapping(ApiSecurity.BASE + "/accounts/{id}/role")
    AccountView changeRole(@PathVariable long id, @RequestBody AccountBody body, Principal who,
                           HttpServletRequest request) {
        accounts.changeRole(actor(who, request), id, body.role());
        return AccountView.of(accounts.get(id));
    }

    @PutMapping(ApiSecurity.BASE + "/accounts/{id}/enabled")
    AccountView setEnabled(@PathVariable long id, @RequestBody EnabledBody body, Principal who,
                           HttpServletRequest request) {
        if (body.enabled() == null) {
            throw Refusal.invalid("newsroom.problem.bad-request");
        }
        accounts.setEnabled(actor(who, request), id, body.enabled());
        return AccountView.of(accounts.get(id));
    }

    @PostMapping(ApiSecurity.BASE + "/accounts/{id}/password")
    PasswordReset resetPassword(@PathVariable long id, @RequestBody(required = false) AccountBody body, Principal who,
                                HttpServletRequest request) {
        return new PasswordReset(accounts.resetPassword(actor(who, request), id, body == null ? null : body.password(),
                null));
    }

    @GetMapping(ApiSecurity.BASE + "/settings/{edition}")
    EditionSettings settings(@PathVariable String edition) {
        return settings.of(edition);
    }

    @PutMapping(ApiSecurity.BASE + "/settings/{edition}")
    EditionSettings saveSettings(@PathVariable String edition, @RequestBody EditionSettings body, Principal who,
                                 HttpServletRequest request) {
        EditionSettings changed = new EditionSettings(edition, body.social(), body.appStore(), body.googlePlay(),
                body.followNetwork(), body.followText(), body.followUrl(), body.copyright(), body.reusePolicy(),
                body.outletName(), body.logoId(), body.menu());
        List<EditionSettings.Problem> problems = settings.save(actor(who, request), changed);
        if (!problems.isEmpty()) {
            EditionSettings.Problem first = problems.get(0);
            throw Refusal.invalid("newsroom.api.bad-field", first.field(), screens.texts(request).get(first.key()));
        }
        return settings.of(edition);
    }

    @GetMapping(ApiSecurity.BASE + "/tokens")
    List<TokenView> ownTokens(Principal who, HttpServletRequest request) {
        return tokens.own(actor(who, request)).stream().map(TokenView::of).toList();
    }

    @PostMapping(ApiSecurity.BASE + "/tokens")
    ResponseEntity<NewToken> createToken(@RequestBody TokenBody body, Principal who, HttpServletRequest request) {
        ApiTokens.Created created = tokens.create(actor(who, request), body.name(), body.expiresOn(), body.scopes(),
                ApiSecurity.presentedToken());
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewToken(TokenView.of(created.token()), created.secret()));
    }

    @DeleteMapping(ApiSecurity.BASE + "/tokens/{id}")
    ResponseEntity<Void> revokeToken(@PathVariable long id, Principal who, HttpServletRequest request) {
        tokens.revoke(actor(who, request), id);
        return ResponseEntity.noContent().build();
    }

    record AccountView(long id, String email, String displayName, String role, boolean enabled) {

        static AccountView of(Account a) {
            return new AccountView(a.id(), a.email(), a.displayName(), a.role().name(), a.enabled());
        }
    }

    record AccountBody(String email, String displayName, String role, String password) {
    }

    record EnabledBody(Boolean enabled) {
    }

    /** @param password the generated password, shown only in this answer; {@code null} when one was chosen */
    record NewAccount(AccountView account, String password) {
    }

    record PasswordReset(String password) {
    }

    /** @param scopes scope codes ({@code read}, {@code write}, {@code publish}, {@code admin}); none for read alone */
    record TokenBody(String name, String expiresOn, List<String> scopes) {
    }

    record TokenView(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt, List<String> scopes) {

        static TokenView of(ApiTokens.ApiToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.expiresAt(), t.revokedAt(),
                    t.scopes().stream().sorted().map(news.gazette.account.TokenScope::code).toList());
        }
    }

    /** @param token the secret, shown only in this answer */
    record NewToken(TokenView info, String token) {
    }
}

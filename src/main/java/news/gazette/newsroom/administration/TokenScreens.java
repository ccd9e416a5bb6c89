package news.gazette.newsroom.administration;

import news.gazette.newsroom.Actor;
import news.gazette.newsroom.Refusal;
import news.gazette.newsroom.ScreenRefusals;
import news.gazette.newsroom.Screens;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.Account;
import news.gazette.account.Accounts;
import news.gazette.account.ApiTokens;
import news.gazette.account.Role;
import news.gazette.account.TokenScope;
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
 * Personal API tokens: make one (shown once), see and revoke one's own; admins also see and revoke everyone's.
 */
@Controller
class TokenScreens extends ScreenRefusals {

    private final TokenKeeping keeping;
    private final ApiTokens tokens;
    private final Accounts accounts;
    private final java.time.Clock clock;

    TokenScreens(Screens screens, TokenKeeping keeping, ApiTokens tokens, Accounts accounts, java.time.Clock clock) {
        super(screens);
        this.clock = clock;
        this.keeping = keeping;
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @GetMapping("/newsroom/tokens")
    ResponseEntity<byte[]> list(HttpServletRequest request, Principal who, CsrfToken csrf) {
        return page(HttpStatus.OK, screens.actor(who, request), "", "", "", "", request, csrf);
    }

    @PostMapping("/newsroom/tokens")
    ResponseEntity<byte[]> create(@RequestParam(defaultValue = "") String name,
                                  @RequestParam(defaultValue = "") String expiresOn,
                                  @RequestParam(name = "scope", required = false) List<String> scopes,
                                  HttpServletRequest request, Principal who, CsrfToken csrf) {
        Actor actor = screens.actor(who, request);
        try {
            ApiTokens.Created created = keeping.create(actor, name, expiresOn, scopes, null);
            return page(HttpStatus.OK, actor, created.secret(), "", "", "", request, csrf);
        } catch (Refusal refusal) {
            String error = screens.texts(request).get(refusal.key(), refusal.args());
            return page(refusal.status(), actor, "", error, name, expiresOn, request, csrf);
        }
    }

    @PostMapping("/newsroom/tokens/{id:[0-9]{1,18}}/revoke")
    ResponseEntity<byte[]> revoke(@PathVariable long id, HttpServletRequest request, Principal who) {
        keeping.revoke(screens.actor(who, request), id);
        return Screens.redirect("/newsroom/tokens");
    }

    private ResponseEntity<byte[]> page(HttpStatus status, Actor actor, String secret, String error, String name,
                                        String expiresOn, HttpServletRequest request, CsrfToken csrf) {
        Texts t = screens.texts(request);
        DateTimeFormatter format = DateTimeFormatter.ofPattern(t.get("date.full"), t.locale()).withZone(ZoneOffset.UTC);
        Map<Long, String> owners = accounts.all().stream()
                .collect(java.util.stream.Collectors.toMap(Account::id, Account::email));
        java.time.Instant now = clock.instant();
        Function<ApiTokens.ApiToken, TokenRow> row = token -> new TokenRow(token.id(), token.name(),
                owners.getOrDefault(token.accountId(), ""), format.format(token.createdAt()),
                token.expiresAt() == null ? t.get("newsroom.tokens.never") : format.format(token.expiresAt()),
                token.usableAt(now), String.join(", ", token.scopes().stream().sorted()
                        .map(scope -> t.get("newsroom.tokens.scope." + scope.code())).toList()));
        String lastDay = expiresOn.isEmpty() ? java.time.LocalDate.ofInstant(now, ZoneOffset.UTC)
                .plusDays(TokenKeeping.DEFAULT_DAYS).toString() : expiresOn;
        List<TokenRow> own = keeping.own(actor).stream().map(row).toList();
        List<TokenRow> everyone = actor.is(Role.ADMIN) ? tokens.unrevoked().stream().map(row).toList() : List.of();
        return screens.page(status, "newsroom/tokens.jte", request, Map.of("csrf", csrf, "own", own,
                "everyone", everyone, "secret", secret, "error", error, "name", name, "expiresOn", lastDay,
                "scopes", java.util.Arrays.stream(TokenScope.values()).map(TokenScope::code).toList()));
    }
}

package news.gazette.newsroom.api;

import news.gazette.newsroom.Screens;
import news.gazette.newsroom.administration.AppKeyKeeping;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import news.gazette.account.AppKeys;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** API keys for apps over the newsroom API (admins): the secret is answered once, when the key is made. */
@RestController
class AppKeysApi extends ApiProblems {

    static final String PATH = ApiSecurity.BASE + "/app-keys";

    private final AppKeyKeeping keeping;

    AppKeysApi(Screens screens, AppKeyKeeping keeping) {
        super(screens);
        this.keeping = keeping;
    }

    @GetMapping(PATH)
    List<KeyView> all() {
        return keeping.all().stream().map(KeyView::of).toList();
    }

    @PostMapping(PATH)
    ResponseEntity<NewKey> create(@RequestBody KeyBody body, Principal who, HttpServletRequest request) {
        AppKeys.Created created = keeping.create(actor(who, request), body.name(),
                body.requestsPerSecond() == null ? null : body.requestsPerSecond().toString(),
                body.burst() == null ? null : body.burst().toString());
        return ResponseEntity.status(HttpStatus.CREATED).body(new NewKey(KeyView.of(created.key()), created.secret()));
    }

    @DeleteMapping(PATH + "/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Principal who, HttpServletRequest request) {
        keeping.revoke(actor(who, request), id);
        return ResponseEntity.noContent().build();
    }

    record KeyBody(String name, Double requestsPerSecond, Integer burst) {
    }

    record KeyView(long id, String name, String keyStart, double requestsPerSecond, int burst, String createdBy,
                   Instant createdAt, Instant revokedAt) {

        static KeyView of(AppKeys.AppKey k) {
            return new KeyView(k.id(), k.name(), k.keyStart(), k.requestsPerSecond(), k.burst(), k.createdBy(),
                    k.createdAt(), k.revokedAt());
        }
    }

    /** @param key the secret, shown only in this answer */
    record NewKey(KeyView info, String key) {
    }
}

package news.gazette.account;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which roles must sign in with a passkey or a second factor. An admin sets it for editors and admins; a role the
 * admin never set follows {@code gazette.sign-in.required-roles} (admins by default). Roles below editor cannot be
 * required: their accounts publish nothing without an editor.
 */
@Component
public class SignInPolicy {

    /** The roles the policy can be set for. */
    public static final Set<Role> SETTABLE = Set.of(Role.EDITOR, Role.ADMIN);

    private final JdbcClient jdbc;
    private final Set<Role> byDefault;

    /** The roles required when nothing is configured or set. */
    public static final String DEFAULT = "ADMIN";

    SignInPolicy(JdbcClient jdbc, @Value("${gazette.sign-in.required-roles:" + DEFAULT + "}") String byDefault) {
        this.jdbc = jdbc;
        this.byDefault = Arrays.stream(byDefault.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> Role.valueOf(s.toUpperCase(Locale.ROOT))).filter(SETTABLE::contains)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Whether every account of this role must have a passkey or a second factor. */
    public boolean requiredFor(Role role) {
        return current().getOrDefault(role, false);
    }

    /** The setting for each role that can have one. */
    public Map<Role, Boolean> current() {
        Map<Role, Boolean> now = new EnumMap<>(Role.class);
        SETTABLE.forEach(role -> now.put(role, byDefault.contains(role)));
        jdbc.sql("select role, required from sign_in_policy").query(rs -> {
            Role role = Role.valueOf(rs.getString(1));
            if (SETTABLE.contains(role)) {
                now.put(role, rs.getBoolean(2));
            }
        });
        return now;
    }

    @Transactional
    public void set(Role role, boolean required) {
        if (!SETTABLE.contains(role)) {
            throw new IllegalArgumentException("The sign-in policy is set for editors and admins only");
        }
        if (jdbc.sql("update sign_in_policy set required = ? where role = ?").params(required, role.name()).update() == 0) {
            jdbc.sql("insert into sign_in_policy (role, required) values (?, ?)").params(role.name(), required).update();
        }
    }
}

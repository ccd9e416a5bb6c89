package news.gazette.account;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Creates the first admin when there is no account at all. The password comes from {@code GAZETTE_ADMIN_PASSWORD}
 * or is random and printed once to the log; there is never a default password. A configured password of any length
 * is taken (ADR 0035); one that is easy to guess stops the start with the reason.
 */
@Component
class FirstAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);

    private final Accounts accounts;
    private final String email;
    private final String password;

    FirstAdmin(Accounts accounts, @Value("${gazette.admin.email:admin@localhost}") String email,
               @Value("${gazette.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (accounts.count() > 0) {
            return;
        }
        boolean random = password.isBlank();
        String chosen = random ? randomPassword() : password;
        if (!random) {
            PasswordStrength.refusal(chosen, email, "Administrator").ifPresent(reason -> {
                // Stopping is better than an admin account anyone could guess into; say why, without the password.
                throw new IllegalStateException("GAZETTE_ADMIN_PASSWORD is refused (" + reason + "): choose "
                        + PasswordStrength.MIN_LENGTH + " to " + PasswordStrength.MAX_LENGTH
                        + " characters that are hard to guess, such as a few unrelated words, or leave it unset "
                        + "for a random one");
            });
        }
        try {
            accounts.create(email, "Administrator", chosen, Role.ADMIN);
        } catch (DuplicateKeyException e) {
            // Another node starting at the same moment created it first.
            log.info("The first admin account {} was created by another node", email);
            return;
        }
        if (random) {
            log.warn("Created the first admin account {} with the password {} — it is shown only this once; "
                    + "sign in at /newsroom/login", email, chosen);
        } else {
            log.info("Created the first admin account {} with the password from GAZETTE_ADMIN_PASSWORD", email);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

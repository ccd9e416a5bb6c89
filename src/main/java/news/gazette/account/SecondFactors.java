package news.gazette.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each account's authenticator app: enrolment (a new secret, confirmed by a first code), the check of a code at
 * sign-in (each step's code taken once), ten recovery codes shown once and stored hashed, each taken once.
 */
@Repository
public class SecondFactors {

    /** Recovery codes made at a time. */
    public static final int RECOVERY_CODES = 10;

    private static final SecureRandom RANDOM = new SecureRandom();
    /** No 0/O, 1/I/L: codes are read off paper. */
    private static final String CODE_LETTERS = "23456789abcdefghjkmnpqrstuvwxyz";

    private final JdbcClient jdbc;
    private final SecretSeal seal;
    private final Clock clock;

    SecondFactors(JdbcClient jdbc, SecretSeal seal, Clock clock) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.clock = clock;
    }

    /** What a code given at sign-in turned out to be. */
    public enum Check { APP, RECOVERY, WRONG }

    public boolean enabled(long accountId) {
        return jdbc.sql("select count(*) from second_factors where account_id = ? and confirmed = true")
                .param(accountId).query(Long.class).single() > 0;
    }

    /**
     * A new secret for the account's authenticator, replacing an enrolment not yet confirmed.
     *
     * @return the secret in Base32, or empty when a confirmed one is in place (it must be turned off first)
     */
    @Transactional
    public Optional<String> startEnrolment(long accountId) {
        if (enabled(accountId)) {
            return Optional.empty();
        }
        byte[] secret = new byte[20];
        RANDOM.nextBytes(secret);
        jdbc.sql("delete from second_factors where account_id = ?").param(accountId).update();
        jdbc.sql("insert into second_factors (account_id, secret, confirmed, last_step, created_at) values (?, ?, false, 0, ?)")
                .params(accountId, seal.seal(accountId, secret), clock.instant().atOffset(ZoneOffset.UTC)).update();
        return Optional.of(Totp.base32(secret));
    }

    /** The secret of the enrolment in progress, to show again (the page reloaded, a wrong first code). */
    public Optional<String> pendingSecret(long accountId) {
        return jdbc.sql("select secret from second_factors where account_id = ? and confirmed = false")
                .param(accountId).query(String.class).optional().map(s -> Totp.base32(seal.open(accountId, s)));
    }

    /**
     * Confirms the enrolment in progress with a code from the app.
     *
     * @return the ten recovery codes, to show once; empty when the code is wrong or nothing is in progress
     */
    @Transactional
    public List<String> confirm(long accountId, String code) {
        Optional<String> sealed = jdbc.sql("select secret from second_factors where account_id = ? and confirmed = false")
                .param(accountId).query(String.class).optional();
        if (sealed.isEmpty()) {
            return List.of();
        }
        long step = Totp.matchingStep(seal.open(accountId, sealed.get()), clean(code), clock.instant());
        if (step < 0) {
            return List.of();
        }
        jdbc.sql("update second_factors set confirmed = true, last_step = ? where account_id = ?")
                .params(step, accountId).update();
        return newRecoveryCodes(accountId);
    }

    /** A code given at sign-in or to confirm a change: a code of the app not taken before, or an unused recovery code. */
    @Transactional
    public Check check(long accountId, String given) {
        String code = clean(given);
        Optional<String> sealed = jdbc.sql("select secret from second_factors where account_id = ? and confirmed = true")
                .param(accountId).query(String.class).optional();
        if (sealed.isEmpty() || code.isEmpty() || code.length() > 40) {
            return Check.WRONG;
        }
        if (code.length() == Totp.DIGITS) {
            long step = Totp.matchingStep(seal.open(accountId, sealed.get()), code, clock.instant());
            // Taken only when newer than the last step taken: a code seen over a shoulder cannot be used again.
            boolean taken = step >= 0 && jdbc.sql("update second_factors set last_step = ? where account_id = ? and last_step < ?")
                    .params(step, accountId, step).update() == 1;
            return taken ? Check.APP : Check.WRONG;
        }
        int used = jdbc.sql("update recovery_codes set used_at = ? where account_id = ? and code_hash = ? and used_at is null")
                .params(clock.instant().atOffset(ZoneOffset.UTC), accountId, hash(code)).update();
        return used == 1 ? Check.RECOVERY : Check.WRONG;
    }

    /** Ten new recovery codes; the ones before stop working. */
    @Transactional
    public List<String> newRecoveryCodes(long accountId) {
        jdbc.sql("delete from recovery_codes where account_id = ?").param(accountId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 12; c++) {
                code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
            }
            String shown = code.substring(0, 6) + "-" + code.substring(6);
            jdbc.sql("insert into recovery_codes (account_id, code_hash) values (?, ?)")
                    .params(accountId, hash(clean(shown))).update();
            codes.add(shown);
        }
        return codes;
    }

    public int recoveryCodesLeft(long accountId) {
        return jdbc.sql("select count(*) from recovery_codes where account_id = ? and used_at is null")
                .param(accountId).query(Long.class).single().intValue();
    }

    /** Turns the second factor off and forgets its recovery codes. */
    @Transactional
    public boolean disable(long accountId) {
        jdbc.sql("delete from recovery_codes where account_id = ?").param(accountId).update();
        return jdbc.sql("delete from second_factors where account_id = ?").param(accountId).update() > 0;
    }

    /** As typed: spaces and dashes dropped, lower case (recovery codes), digits as they are. */
    static String clean(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    private static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("gazette recovery code " + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

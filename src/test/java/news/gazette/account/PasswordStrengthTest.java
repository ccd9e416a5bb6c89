package news.gazette.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

class PasswordStrengthTest {

    @Test
    void refusesTheGuessableWhateverTheirLength() {
        for (String weak : List.of("aaaaaaaaaaaa", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", "abcdefghijklmnopqrstuvwxyz",
                "zyxwvutsrqponm", "123456789012", "098765432109", "qwertyuiop12", "asdfghjkl;'1", "password1234",
                "Password12345", "p4ssw0rd2024!", "letmeinletmein", "abcabcabcabcabc", "ЙЦУКЕНГШЩЗХЪ", "пароль12345678",
                "абвгдежзийкл", "աբգդեզէըթժիլ", "գաղտնաբառ2024", "adminadmin12", "qazwsxedcrfv")) {
            assertThat(PasswordStrength.refusal(weak)).as(weak).hasValue("newsroom.password.guessable");
        }
        assertThat(PasswordStrength.refusal("kate.smith.1990", "kate.smith@example.org"))
                .as("leaning on the account's own name").hasValue("newsroom.password.guessable");
        String email = "author-" + java.util.UUID.randomUUID() + "@example.org";
        assertThat(PasswordStrength.refusal("test-" + email, email)).as("the address itself")
                .hasValue("newsroom.password.guessable");
    }

    @Test
    void takesPassphrasesAndRandomPasswords() {
        for (String good : List.of("correct horse battery", "first-admin-secret-1", "browser-admin-secret",
                "a long browser password", "violet rivers under stone", "Tr0ub4dor&3-xkcd", "Над седыми равнинами моря",
                "Երևանի լեռների վրա ձյունը", "crash-desk-secret-1")) {
            assertThat(PasswordStrength.refusal(good)).as(good).isEmpty();
        }
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[18];
            random.nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            assertThat(PasswordStrength.refusal(generated)).as(generated).isEmpty();
        }
    }

    @Test
    void refusesTooShortAndTooLongByLengthInCharactersNotBytes() {
        assertThat(PasswordStrength.refusal("Ab1!xY")).hasValue("newsroom.password.too-short");
        assertThat(PasswordStrength.refusal(null)).hasValue("newsroom.password.too-short");
        assertThat(PasswordStrength.refusal("ԱբգԴեզԷըթԺիլ".repeat(100))).hasValue("newsroom.password.too-long");
    }

    @Test
    void hashesPasswordsOfAnyLengthAndStillChecksTheOldKind() {
        PasswordEncoder encoder = PasswordHashing.encoder();
        String longOne = "Ձմեռը երկար էր բայց գարունը եկավ".repeat(10);
        String hash = encoder.encode(longOne);
        assertThat(hash).startsWith("{bcrypt-hmac-sha256}$2");
        assertThat(encoder.matches(longOne, hash)).isTrue();
        assertThat(encoder.matches(longOne + "x", hash)).isFalse();
        assertThat(encoder.matches(longOne.substring(0, 40), hash)).as("no cut at 72 bytes").isFalse();
        String old = "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode("old secret words");
        assertThat(encoder.matches("old secret words", old)).isTrue();
        assertThat(encoder.upgradeEncoding(old)).isTrue();
        assertThat(encoder.matches(longOne, old)).as("a long password against an old hash: no match, no error").isFalse();
    }
}

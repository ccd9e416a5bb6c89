package news.gazette.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** The kind of hash recorded in each one, so a stronger kind can take over without a reset (ADR 0035). */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    /** Sign-in: the only authentication provider, so every sign-in passes the throttle. */
    @Bean
    AuthenticationProvider accountLogins(Accounts accounts, PasswordEncoder encoder, LoginThrottle throttle) {
        UserDetailsService details = email -> accounts.byEmail(email)
                .map(a -> User.withUsername(a.email()).password(a.passwordHash()).disabled(!a.enabled())
                        .authorities(a.role().authorities()).build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(details);
        passwords.setPasswordEncoder(encoder);
        passwords.setUserDetailsPasswordService((user, newHash) -> {
            accounts.upgradeHash(user.getUsername(), newHash);
            return User.withUserDetails(user).password(newHash).build();
        });
        return new ThrottledLogins(passwords, throttle);
    }
}

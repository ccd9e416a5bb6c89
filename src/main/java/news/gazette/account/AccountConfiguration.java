package news.gazette.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /** bcrypt today, with the algorithm recorded in each hash so a stronger one can take over without a reset. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService accountLogins(Accounts accounts) {
        return email -> accounts.byEmail(email)
                .map(a -> User.withUsername(a.email()).password(a.passwordHash()).disabled(!a.enabled())
                        .authorities(a.role().authorities()).build())
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}

package news.gazette.newsroom.signin;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * The ways in the sign-in page offers besides the password: a passkey always, and each identity provider configured
 * for single sign-on ({@code spring.security.oauth2.client.registration.*}), none by default.
 */
@Component
public class SignInOptions {

    private final ObjectProvider<ClientRegistrationRepository> registrations;

    SignInOptions(ObjectProvider<ClientRegistrationRepository> registrations) {
        this.registrations = registrations;
    }

    /** An identity provider's button: where it starts, and the name it shows. */
    public record Provider(String start, String name) {
    }

    public List<Provider> providers() {
        ClientRegistrationRepository repository = registrations.getIfAvailable();
        List<Provider> providers = new ArrayList<>();
        if (repository instanceof Iterable<?> all) {
            for (Object each : all) {
                if (each instanceof ClientRegistration registration) {
                    providers.add(new Provider(SingleSignOn.START + registration.getRegistrationId(),
                            registration.getClientName()));
                }
            }
        }
        return providers;
    }
}

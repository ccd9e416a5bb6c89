package news.gazette.newsroom.signin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import news.gazette.account.Account;
import news.gazette.account.Role;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Single sign-on against a real OpenID Connect provider started in the test JVM (mock-oauth2-server): an account is
 * matched by the provider's verified e-mail and keeps the role given in the newsroom; an unverified e-mail or an
 * address no account has is refused with the newsroom's page saying why, and nothing is created.
 */
abstract class SingleSignOnContract extends SignInContract {

    static final MockOAuth2Server PROVIDER = new MockOAuth2Server();

    static {
        PROVIDER.start(0);
    }

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        String prefix = "spring.security.oauth2.client.";
        registry.add(prefix + "registration.outlet.client-id", () -> "gazette");
        registry.add(prefix + "registration.outlet.client-secret", () -> "a client secret");
        registry.add(prefix + "registration.outlet.client-name", () -> "Outlet ID");
        registry.add(prefix + "registration.outlet.scope", () -> "openid,email");
        registry.add(prefix + "registration.outlet.redirect-uri", () -> "{baseUrl}/newsroom/sso/callback/{registrationId}");
        registry.add(prefix + "provider.outlet.issuer-uri", () -> PROVIDER.issuerUrl("outlet").toString());
    }

    /** Goes through the provider as a browser would, the provider saying these things about the person. */
    MockHttpServletResponse viaProvider(String email, boolean verified) throws Exception {
        PROVIDER.enqueueCallback(new DefaultOAuth2TokenCallback("outlet", "person-" + UUID.randomUUID(), "JWT",
                List.of("gazette"), Map.of("email", email, "email_verified", verified), 3600));
        MockHttpServletResponse start = mvc.perform(get(SingleSignOn.START + "outlet")).andReturn().getResponse();
        String authorize = start.getRedirectedUrl();
        assertThat(authorize).startsWith(PROVIDER.issuerUrl("outlet").toString());
        Cookie session = start.getCookie("SESSION");
        HttpResponse<Void> provider = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.discarding());
        URI back = URI.create(provider.headers().firstValue("Location").orElseThrow());
        assertThat(back.getPath()).isEqualTo("/newsroom/sso/callback/outlet");
        MockHttpServletResponse answer = mvc.perform(get(URI.create(back.getPath() + "?" + back.getRawQuery())).cookie(session))
                .andReturn().getResponse();
        assertThat(answer.getRedirectedUrl()).as(() -> "failed: " + audit.latest(1).get(0).detail())
                .doesNotEndWith("=failed");
        return answer;
    }

    @Test
    void theLoginPageOffersTheProvider() throws Exception {
        String page = mvc.perform(get("/newsroom/login")).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(page).select("a[href=/newsroom/sso/start/outlet]").text()).contains("Outlet ID");
        assertThat(mvc.perform(get(SingleSignOn.START + "nobody")).andReturn().getResponse().getRedirectedUrl())
                .as("a provider nobody configured: no error, the sign-in page").endsWith("/newsroom/login");
    }

    @Test
    void aVerifiedAddressSignsInToItsAccountWithTheNewsroomsRole() throws Exception {
        Account author = account(Role.AUTHOR);
        MockHttpServletResponse in = viaProvider(author.email().toUpperCase(), true);
        assertThat(in.getRedirectedUrl()).isEqualTo("/newsroom");
        Cookie session = in.getCookie("SESSION");
        assertThat(open(session, "/newsroom").getStatus()).isEqualTo(200);
        assertThat(open(session, "/newsroom/sections").getStatus()).as("an author is no editor").isEqualTo(403);
        assertThat(audit.latest(20)).anyMatch(e -> e.actor().equals(author.email()) && e.action().equals("login")
                && e.detail().contains("single sign-on (outlet)"));
    }

    @Test
    void anUnverifiedAddressIsRefusedWithAPageSayingWhy() throws Exception {
        Account author = account(Role.AUTHOR);
        MockHttpServletResponse refused = viaProvider(author.email(), false);
        assertThat(refused.getRedirectedUrl()).isEqualTo(SingleSignOn.REFUSED + "?reason=unverified");
        assertThat(open(refused.getCookie("SESSION"), "/newsroom").getRedirectedUrl()).endsWith("/newsroom/login");
        MockHttpServletResponse page = mvc.perform(get(refused.getRedirectedUrl()).header("Accept-Language", "hy"))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(403);
        assertThat(page.getContentAsString()).contains("չի հաստատել");
        assertThat(actions(author.email())).contains("login.sso-refused");
    }

    @Test
    void anAddressNoAccountHasIsRefusedAndNothingIsCreated() throws Exception {
        String stranger = "stranger-" + UUID.randomUUID() + "@example.org";
        long before = accounts.count();
        MockHttpServletResponse refused = viaProvider(stranger, true);
        assertThat(refused.getRedirectedUrl()).isEqualTo(SingleSignOn.REFUSED + "?reason=unknown");
        assertThat(mvc.perform(get(refused.getRedirectedUrl())).andReturn().getResponse().getContentAsString())
                .contains("No newsroom account has this e-mail address");
        assertThat(accounts.count()).isEqualTo(before);
    }
}

package news.gazette.newsletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import news.gazette.edition.Edition;
import news.gazette.platform.web.Templates;
import news.gazette.platform.text.Texts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes each kind of newsletter mail in the edition's language, as HTML (jte, {@code mail/*.jte}) and plain text:
 * the confirmation, the digest, a story (breaking alert or test).
 */
@Component
class Letters {

    private final Templates templates;
    private final MessageSource messages;
    private final MailLinks links;
    private final LinkTokens tokens;

    Letters(Templates templates, MessageSource messages, MailLinks links, LinkTokens tokens) {
        this.templates = templates;
        this.messages = messages;
        this.links = links;
        this.tokens = tokens;
    }

    Texts texts(Edition edition) {
        return new Texts(messages, edition.locale());
    }

    Letter confirmation(Edition edition, Subscriber subscriber, boolean digest, boolean breaking, Instant until) {
        Texts t = texts(edition);
        String url = links.absolute(MailLinks.confirm(tokens.confirmation(subscriber, digest, breaking, until)));
        String heading = t.get("newsletter.confirm.mail.subject", edition.outletName());
        String lists = t.get(digest && breaking ? "newsletter.lists.both" : digest ? "newsletter.lists.digest"
                : "newsletter.lists.breaking");
        MailTexts m = mailTexts(edition, t, null);
        String html = render("mail/confirm.jte", Map.of("m", m, "heading", heading, "lists", lists, "confirmUrl", url));
        String text = heading + "\n\n" + t.get("newsletter.confirm.mail.body", edition.outletName()) + "\n" + lists
                + "\n\n" + t.get("newsletter.confirm.mail.button") + ":\n" + url + "\n\n"
                + t.get("newsletter.confirm.mail.expires") + "\n\n-- \n" + t.get("newsletter.mail.ignore") + "\n";
        return new Letter(subscriber.address(), heading, text, html, null, null);
    }

    Letter digest(Edition edition, Digest digest, Subscriber subscriber) {
        Texts t = texts(edition);
        String unsubscribe = unsubscribeUrl(subscriber);
        MailTexts m = mailTexts(edition, t, unsubscribe);
        String html = render("mail/digest.jte", Map.of("digest", digest, "m", m));
        StringBuilder text = new StringBuilder(digest.subject()).append("\n\n").append(digest.intro()).append("\n\n");
        if (digest.lead() != null) {
            plain(text, digest.lead());
        }
        digest.top().forEach(item -> plain(text, item));
        if (!digest.mostRead().isEmpty()) {
            text.append("== ").append(t.get("newsletter.digest.most-read")).append(" ==\n\n");
            digest.mostRead().forEach(item -> plain(text, item));
        }
        for (Digest.Block block : digest.sections()) {
            text.append("== ").append(block.name()).append(" ==\n").append(block.url()).append("\n\n");
            block.stories().forEach(item -> plain(text, item));
        }
        text.append(t.get("newsletter.digest.more")).append(": ").append(digest.frontUrl()).append("\n");
        footer(text, t, edition, unsubscribe);
        return new Letter(subscriber.address(), digest.subject(), text.toString(), html, unsubscribe, listId(edition, "digest"));
    }

    /** A single story: a breaking alert ({@code list} {@code breaking}), or a test of the digest's look. */
    Letter story(Edition edition, DigestItem item, Subscriber subscriber, String headingKey, String list) {
        Texts t = texts(edition);
        String unsubscribe = subscriber == null ? null : unsubscribeUrl(subscriber);
        String heading = t.get(headingKey);
        MailTexts m = mailTexts(edition, t, unsubscribe);
        String html = render("mail/story.jte", Map.of("item", item, "heading", heading, "m", m));
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        plain(text, item);
        footer(text, t, edition, unsubscribe);
        return new Letter(subscriber == null ? null : subscriber.address(), heading + ": " + item.headline(),
                text.toString(), html, unsubscribe, list == null ? null : listId(edition, list));
    }

    String unsubscribeUrl(Subscriber subscriber) {
        return links.absolute(MailLinks.unsubscribe(tokens.unsubscribe(subscriber)));
    }

    private String listId(Edition edition, String list) {
        String host = java.net.URI.create(links.absolute("/")).getHost();
        return "<" + list + "." + edition.code() + "." + (host == null ? "localhost" : host) + ">";
    }

    private MailTexts mailTexts(Edition edition, Texts t, String unsubscribe) {
        return new MailTexts(t, edition.language(), edition.outletName(), unsubscribe,
                links.absolute("/" + edition.code() + "/"));
    }

    private static void plain(StringBuilder text, DigestItem item) {
        text.append(item.headline()).append('\n');
        if (!item.standfirst().isEmpty()) {
            text.append(item.standfirst()).append('\n');
        }
        text.append(item.url()).append("\n\n");
    }

    private static void footer(StringBuilder text, Texts t, Edition edition, String unsubscribe) {
        text.append("\n-- \n").append(t.get("newsletter.mail.why", edition.outletName())).append('\n');
        if (unsubscribe != null) {
            text.append(t.get("newsletter.mail.unsubscribe")).append(": ").append(unsubscribe).append('\n');
        }
    }

    private String render(String template, Map<String, Object> params) {
        return new String(templates.render(template, params), StandardCharsets.UTF_8);
    }
}

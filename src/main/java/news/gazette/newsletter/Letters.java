package news.gazette.newsletter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import news.gazette.edition.Edition;
import news.gazette.platform.web.Templates;
import news.gazette.platform.text.Texts;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes each kind of newsletter mail in the edition's language, as HTML (jte, {@code mail/*.jte}) and plain text:
 * the confirmation, the digest, a story (breaking alert or test). A send's mail is composed once and then addressed
 * to each subscriber ({@link Composed}).
 */
@Component
class Letters {

    private final Templates templates;
    private final MessageSource messages;
    private final MailLinks links;
    private final LinkTokens tokens;
    /** Stands for the subscriber's unsubscribe link in a composed mail: letters and digits, unchanged by escaping. */
    private final String mark = "unsubscribe" + java.util.UUID.randomUUID().toString().replace("-", "");

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

    /**
     * A mail written once for a whole send (ADR 135): the text and HTML carry a mark where each subscriber's own
     * unsubscribe link goes, so a batch renders its templates once and not once a mail.
     */
    record Composed(String subject, String text, String html, String listId) {
    }

    Letter digest(Edition edition, Digest digest, Subscriber subscriber) {
        return letter(digest(edition, digest), subscriber);
    }

    Composed digest(Edition edition, Digest digest) {
        Texts t = texts(edition);
        MailTexts m = mailTexts(edition, t, mark);
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
        footer(text, t, edition, mark);
        return new Composed(digest.subject(), text.toString(), html, listId(edition, "digest"));
    }

    /** A single story: a breaking alert ({@code list} {@code breaking}), or a test of the digest's look. */
    Letter story(Edition edition, DigestItem item, Subscriber subscriber, String headingKey, String list) {
        if (subscriber == null) {
            Composed composed = story(edition, item, headingKey, list, null);
            return new Letter(null, composed.subject(), composed.text(), composed.html(), null, composed.listId());
        }
        return letter(story(edition, item, headingKey, list), subscriber);
    }

    Composed story(Edition edition, DigestItem item, String headingKey, String list) {
        return story(edition, item, headingKey, list, mark);
    }

    /** The composed mail to one subscriber: the mark replaced by the subscriber's unsubscribe link. */
    Letter letter(Composed composed, Subscriber subscriber) {
        String unsubscribe = unsubscribeUrl(subscriber);
        StringOutput escaped = new StringOutput(unsubscribe.length() + 16);
        Escape.htmlAttribute(unsubscribe, escaped);
        return new Letter(subscriber.address(), composed.subject(), composed.text().replace(mark, unsubscribe),
                composed.html().replace(mark, escaped.toString()), unsubscribe, composed.listId());
    }

    private Composed story(Edition edition, DigestItem item, String headingKey, String list, String unsubscribe) {
        Texts t = texts(edition);
        String heading = t.get(headingKey);
        MailTexts m = mailTexts(edition, t, unsubscribe);
        String html = render("mail/story.jte", Map.of("item", item, "heading", heading, "m", m));
        StringBuilder text = new StringBuilder(heading).append("\n\n");
        plain(text, item);
        footer(text, t, edition, unsubscribe);
        return new Composed(heading + ": " + item.headline(), text.toString(), html,
                list == null ? null : listId(edition, list));
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

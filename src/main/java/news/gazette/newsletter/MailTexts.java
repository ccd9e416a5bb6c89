package news.gazette.newsletter;

/**
 * What the mail templates need besides their content: texts in the edition's language, the outlet's name, and the
 * subscriber's own unsubscribe link (or {@code null}).
 */
public record MailTexts(news.gazette.platform.text.Texts t, String lang, String outletName, String unsubscribeUrl,
                        String siteUrl) {
}

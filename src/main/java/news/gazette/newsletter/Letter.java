package news.gazette.newsletter;

/**
 * One mail ready to send: to whom, subject, both bodies, and the unsubscribe address (none for a confirmation).
 *
 * @param listId the {@code List-Id} of the list it belongs to, or {@code null}
 */
record Letter(String to, String subject, String text, String html, String unsubscribeUrl, String listId) {
}

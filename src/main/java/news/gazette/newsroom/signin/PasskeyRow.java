package news.gazette.newsroom.signin;

/** A passkey as the security page shows it. */
public record PasskeyRow(String id, String label, String created, String lastUsed) {
}

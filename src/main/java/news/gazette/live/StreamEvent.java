package news.gazette.live;

/**
 * One event of an edition's stream as it is sent: its id (monotonic per edition, the {@code Last-Event-ID} to resume
 * after), its name ({@code alert}, {@code alert-cleared}, {@code entry}) and its data, a JSON object.
 */
public record StreamEvent(long id, String event, String data) {
}

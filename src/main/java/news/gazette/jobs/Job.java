package news.gazette.jobs;

/**
 * One message of a queue, as its handler gets it.
 *
 * @param key      the message's key, unique in its queue: a second message with the same key is never stored
 * @param payload  what the handler needs, in the handler's own format
 * @param attempts attempts so far, this one included
 */
public record Job(String queue, String key, String payload, int attempts) {
}

package news.gazette.live.stream;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import news.gazette.live.StreamEvent;

/**
 * The recent events of one edition on this node, oldest first, at most {@code capacity} of them, each with an id
 * that only grows: the node's clock in milliseconds when the event came, or one more than the id before if that is
 * higher. Ids made so are close across nodes (each node is told an event within a second), so a reader who resumes on
 * another node after a dropped connection gets what came after, perhaps an event twice (its {@code event} field
 * tells it apart), never an event lost unless the nodes' clocks differ by more than the feed's delay (ADR 70).
 */
public final class EventBuffer {

    private final int capacity;
    /** Events with an id at or below this may have been here and are gone (or came before this node started). */
    private long forgottenUpTo;
    private long last;
    private final Deque<StreamEvent> events = new ArrayDeque<>();

    public EventBuffer(int capacity, long startedAt) {
        this.capacity = capacity;
        this.forgottenUpTo = startedAt;
        this.last = startedAt;
    }

    /** Keeps an event and gives it its id. */
    public synchronized StreamEvent add(String event, String data, long now) {
        last = Math.max(last + 1, now);
        StreamEvent sent = new StreamEvent(last, event, data);
        events.addLast(sent);
        if (events.size() > capacity) {
            forgottenUpTo = events.removeFirst().id();
        }
        return sent;
    }

    /** The events after this id, or {@code null} when some of them may be forgotten (the id is too old). */
    public synchronized List<StreamEvent> after(long id) {
        if (id < forgottenUpTo) {
            return null;
        }
        List<StreamEvent> list = new ArrayList<>();
        for (StreamEvent sent : events) {
            if (sent.id() > id) {
                list.add(sent);
            }
        }
        return list;
    }

    /** The id of the newest event, or the node's start when none came yet. */
    public synchronized long last() {
        return last;
    }
}

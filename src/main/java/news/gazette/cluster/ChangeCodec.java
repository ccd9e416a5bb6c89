package news.gazette.cluster;

import java.util.Optional;

import news.gazette.platform.nodes.DomainEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a {@link DomainEvent} is written into a row of the change feed and read back: its kind is the class's name
 * below {@code news.gazette.} (such as {@code section.SectionEvent$Renamed}), its payload the record as JSON.
 */
final class ChangeCodec {

    private static final Logger log = LoggerFactory.getLogger(ChangeCodec.class);
    private static final String ROOT = "news.gazette.";

    private final JsonMapper json = JsonMapper.builder().build();

    String kind(DomainEvent event) {
        String name = event.getClass().getName();
        if (!name.startsWith(ROOT)) {
            throw new IllegalArgumentException("Not one of Gazette's events: " + name);
        }
        return name.substring(ROOT.length());
    }

    String payload(DomainEvent event) {
        return json.writeValueAsString(event);
    }

    /** The event a row holds; empty for a kind this version does not know (a row of an older or newer node). */
    Optional<DomainEvent> read(String kind, String payload) {
        if (kind == null || payload == null) {
            return Optional.empty();
        }
        try {
            Class<?> type = Class.forName(ROOT + kind, false, ChangeCodec.class.getClassLoader());
            if (!DomainEvent.class.isAssignableFrom(type) || !type.isRecord()) {
                log.warn("Change feed row of kind {} is not an event; skipped", kind);
                return Optional.empty();
            }
            return Optional.of((DomainEvent) json.readValue(payload, type));
        } catch (ClassNotFoundException | JacksonException e) {
            log.warn("Change feed row of kind {} could not be read; skipped: {}", kind, e.getMessage());
            return Optional.empty();
        }
    }
}

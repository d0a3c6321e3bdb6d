package qc.esac.training.session;

import qc.esac.events.EventData;

import java.util.List;

/** A session's new state and the events the change causes, to be written together. */
public record SessionChange(Session session, List<EventData> events) {

    public SessionChange {
        events = List.copyOf(events);
    }
}

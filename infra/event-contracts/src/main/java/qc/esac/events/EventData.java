package qc.esac.events;

/**
 * Marker for the data of a public event. Every event type is a Java record implementing this
 * interface, registered in {@link EventCatalog} with its CloudEvents type, topic and JSON Schema.
 */
public interface EventData {
}

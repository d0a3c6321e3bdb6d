package qc.esac.events.projects;

import qc.esac.events.EventDescriptor;

import java.util.List;

/** The public event types of the projects context, published on {@code Topics.PROJECTS}. */
public final class ProjectsEventTypes {

    public static final List<EventDescriptor> DESCRIPTORS = List.of();

    private ProjectsEventTypes() {
    }
}

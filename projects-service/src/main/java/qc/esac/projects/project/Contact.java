package qc.esac.projects.project;

/**
 * How to reach the project: a role and its shared mailbox (e.g. "Coordination du projet",
 * {@code projets@exemple.coop}), never a person's own name or address.
 */
public record Contact(String role, String email) {
}

package qc.esac.membership.privacy;

import qc.esac.kit.problem.FieldViolation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a network's register of confidentiality incidents (Quebec's Law 25, s. 3.8): what happened, to
 * how many people and which, in which of the platform's services, whether the Commission d'accès à l'information
 * and the people were notified (or why not), and what was done. Every change is kept: who, when, which fields.
 */
public record PrivacyIncident(String id, String networkId, Details details, List<Audit> changes) {

    /** The platform's services an incident may concern. */
    static final Set<String> SERVICES = Set.of("membership", "training", "insurance", "projects");

    public PrivacyIncident {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
        changes = changes == null ? List.of() : List.copyOf(changes);
    }

    /**
     * What staff enter.
     *
     * @param categoriesOfPeople   who was affected, in words (employees of member organizations, trainees...)
     * @param personalInformation  which information was concerned
     * @param commissionNotifiedOn when the Commission d'accès à l'information was notified; null if it was not
     * @param peopleNotifiedOn     when the people concerned were notified; null if they were not
     * @param notNotifiedReason    why the Commission or the people were not notified (required when either was not)
     */
    public record Details(LocalDate occurredOn, LocalDate discoveredOn, String nature, Integer peopleAffected,
                          List<String> categoriesOfPeople, String personalInformation, List<String> services,
                          LocalDate commissionNotifiedOn, LocalDate peopleNotifiedOn, String notNotifiedReason,
                          String measures) {

        public Details {
            nature = clean(nature);
            personalInformation = clean(personalInformation);
            notNotifiedReason = clean(notNotifiedReason);
            measures = clean(measures);
            categoriesOfPeople = categoriesOfPeople == null ? List.of()
                    : categoriesOfPeople.stream().map(Details::clean).filter(Objects::nonNull).toList();
            services = services == null ? List.of() : services.stream().map(Details::clean).toList();
        }

        /** Every problem at once, each with its field. */
        List<FieldViolation> violations(LocalDate today) {
            List<FieldViolation> problems = new ArrayList<>();
            if (occurredOn == null) {
                problems.add(FieldViolation.of("occurredOn", "jakarta.validation.constraints.NotNull.message"));
            } else if (occurredOn.isAfter(today)) {
                problems.add(FieldViolation.of("occurredOn", "esac.validation.date-future"));
            }
            checkLater("discoveredOn", discoveredOn, today, problems);
            checkLater("commissionNotifiedOn", commissionNotifiedOn, today, problems);
            checkLater("peopleNotifiedOn", peopleNotifiedOn, today, problems);
            if (nature == null || nature.length() > 2000) {
                problems.add(FieldViolation.of("nature", "esac.validation.incident-texte", 2000));
            }
            if (peopleAffected == null || peopleAffected < 0) {
                problems.add(FieldViolation.of("peopleAffected", "esac.validation.incident-personnes"));
            }
            if (categoriesOfPeople.size() > 20 || categoriesOfPeople.stream().anyMatch(c -> c.length() > 200)) {
                problems.add(FieldViolation.of("categoriesOfPeople", "esac.validation.incident-categories"));
            }
            if (personalInformation != null && personalInformation.length() > 2000) {
                problems.add(FieldViolation.of("personalInformation", "esac.validation.incident-texte", 2000));
            }
            if (services.isEmpty() || !SERVICES.containsAll(services)) {
                problems.add(FieldViolation.of("services", "esac.validation.incident-services"));
            }
            if ((commissionNotifiedOn == null || peopleNotifiedOn == null) && notNotifiedReason == null) {
                problems.add(FieldViolation.of("notNotifiedReason", "esac.validation.incident-motif-sans-avis"));
            }
            if (notNotifiedReason != null && notNotifiedReason.length() > 2000) {
                problems.add(FieldViolation.of("notNotifiedReason", "esac.validation.incident-texte", 2000));
            }
            if (measures == null || measures.length() > 4000) {
                problems.add(FieldViolation.of("measures", "esac.validation.incident-texte", 4000));
            }
            return problems;
        }

        /** A date after the incident's, not in the future. */
        private void checkLater(String field, LocalDate date, LocalDate today, List<FieldViolation> problems) {
            if (date != null && (date.isAfter(today) || (occurredOn != null && date.isBefore(occurredOn)))) {
                problems.add(FieldViolation.of(field, "esac.validation.incident-date-avis"));
            }
        }

        /** The fields whose values differ from {@code before}. */
        List<String> changedSince(Details before) {
            List<String> changed = new ArrayList<>();
            compare(changed, "occurredOn", before.occurredOn, occurredOn);
            compare(changed, "discoveredOn", before.discoveredOn, discoveredOn);
            compare(changed, "nature", before.nature, nature);
            compare(changed, "peopleAffected", before.peopleAffected, peopleAffected);
            compare(changed, "categoriesOfPeople", before.categoriesOfPeople, categoriesOfPeople);
            compare(changed, "personalInformation", before.personalInformation, personalInformation);
            compare(changed, "services", before.services, services);
            compare(changed, "commissionNotifiedOn", before.commissionNotifiedOn, commissionNotifiedOn);
            compare(changed, "peopleNotifiedOn", before.peopleNotifiedOn, peopleNotifiedOn);
            compare(changed, "notNotifiedReason", before.notNotifiedReason, notNotifiedReason);
            compare(changed, "measures", before.measures, measures);
            return changed;
        }

        private static void compare(List<String> changed, String name, Object before, Object after) {
            if (!Objects.equals(before, after)) {
                changed.add(name);
            }
        }

        private static String clean(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    /** One change to the entry: who made it, when, and which fields it set (all of them at creation). */
    public record Audit(String by, Instant at, String action, List<String> fields) {
    }

    static PrivacyIncident record(String id, String networkId, Details details, String by, Instant at) {
        return new PrivacyIncident(id, networkId, details, List.of(new Audit(by, at, "CREATED",
                details.changedSince(new Details(null, null, null, null, null, null, null, null, null, null, null)))));
    }

    /** This entry with new details and the audit of what changed; itself when nothing did. */
    PrivacyIncident amend(Details newDetails, String by, Instant at) {
        List<String> changed = newDetails.changedSince(details);
        if (changed.isEmpty()) {
            return this;
        }
        List<Audit> audit = new ArrayList<>(changes);
        audit.add(new Audit(by, at, "UPDATED", changed));
        return new PrivacyIncident(id, networkId, newDetails, audit);
    }
}

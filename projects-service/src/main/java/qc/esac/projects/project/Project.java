package qc.esac.projects.project;

import qc.esac.events.projects.PartnerInvitationEnded;
import qc.esac.events.projects.PartnerInvited;
import qc.esac.events.projects.PartnerJoined;
import qc.esac.events.projects.PartnerLeft;
import qc.esac.events.projects.ProjectActivated;
import qc.esac.events.projects.ProjectCompleted;
import qc.esac.events.projects.ProjectCreated;
import qc.esac.events.projects.StepCompleted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.projects.vocabulary.PartnerRole;
import qc.esac.projects.vocabulary.TargetedIssue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A strategic-sector project: its description, partners, work plan and results framework. Immutable: every
 * rule is a method returning the changed project or refusing with a problem, so the rules are tested without
 * Spring and a refused command changes nothing.
 *
 * @param numbering last number given to a step or indicator id, so ids are never reused
 */
public record Project(String id, String name, List<TargetedIssue> targetedIssues, String description,
                      String leadOrganizationId, Contact contact, ProjectStatus status, LocalDate startDate,
                      LocalDate endDate, List<String> regionCodes, List<Funding> funding, List<Partner> partners,
                      List<JoinRequest> joinRequests, List<Invitation> invitations, List<Step> steps, List<Indicator> indicators, int numbering,
                      LocalDate createdOn, LocalDate activatedOn, LocalDate closedOn) {

    public Project {
        Objects.requireNonNull(id, "id");
        targetedIssues = copy(targetedIssues);
        regionCodes = copy(regionCodes);
        funding = copy(funding);
        partners = copy(partners);
        joinRequests = copy(joinRequests);
        invitations = copy(invitations);
        steps = copy(steps);
        indicators = copy(indicators);
    }

    /** A new draft; the lead organization is its first partner. */
    public static Project draft(String id, String leadOrganizationId, ProjectDetails details, LocalDate today) {
        return new Project(id, details.name(), details.targetedIssues(), details.description(), leadOrganizationId,
                details.contact(), ProjectStatus.DRAFT, details.startDate(), details.endDate(), details.regionCodes(),
                details.funding(), List.of(new Partner(leadOrganizationId, PartnerRole.LEAD, today)), List.of(),
                List.of(), List.of(), List.of(), 0, today, null, null);
    }

    /** A new project: a draft, announced with its lead organization as first partner. */
    public static Change<Project> create(String id, String leadOrganizationId, ProjectDetails details,
                                         LocalDate today) {
        Project project = draft(id, leadOrganizationId, details, today);
        return Change.of(project, new ProjectCreated(id, project.name(), leadOrganizationId,
                        project.targetedIssues().stream().map(TargetedIssue::name).toList(), project.regionCodes(),
                        project.startDate(), project.endDate()),
                new PartnerJoined(id, leadOrganizationId, PartnerRole.LEAD.name(), today));
    }

    // --- description and lifecycle -------------------------------------------------------------------

    public Project withDetails(ProjectDetails details) {
        requireOpen();
        return new Project(id, details.name(), details.targetedIssues(), details.description(), leadOrganizationId,
                details.contact(), status, details.startDate(), details.endDate(), details.regionCodes(),
                details.funding(), partners, joinRequests, invitations, steps, indicators, numbering, createdOn, activatedOn,
                closedOn);
    }

    public Change<Project> activate(LocalDate today) {
        requireStatus(ProjectStatus.DRAFT, "projet.activation-impossible");
        Project active = withStatus(ProjectStatus.ACTIVE, today, null);
        return Change.of(active, new ProjectActivated(id, name, leadOrganizationId, active.partnerOrganizationIds(),
                active.activatedOn()));
    }

    public Change<Project> complete(LocalDate today) {
        requireStatus(ProjectStatus.ACTIVE, "projet.achevement-impossible");
        Project completed = withStatus(ProjectStatus.COMPLETED, activatedOn, today);
        return Change.of(completed, new ProjectCompleted(id, name, completed.closedOn(), completed.progressPercent()));
    }

    public Project cancel(LocalDate today) {
        if (!status.isOpen()) {
            throw new BusinessRuleException("projet.annulation-impossible", status.name());
        }
        return withStatus(ProjectStatus.CANCELLED, activatedOn, today);
    }

    private Project withStatus(ProjectStatus newStatus, LocalDate activated, LocalDate closed) {
        return new Project(id, name, targetedIssues, description, leadOrganizationId, contact, newStatus, startDate,
                endDate, regionCodes, funding, partners, joinRequests, invitations, steps, indicators, numbering, createdOn,
                activated, closed);
    }

    // --- partners ------------------------------------------------------------------------------------

    public Optional<Partner> partner(String organizationId) {
        return partners.stream().filter(p -> p.organizationId().equals(organizationId)).findFirst();
    }

    /** Organizations that do the work: they report values and count in platform-fed indicators. */
    public List<String> contributingOrganizationIds() {
        return partners.stream().filter(p -> p.role().contributes()).map(Partner::organizationId).toList();
    }

    public List<String> partnerOrganizationIds() {
        return partners.stream().map(Partner::organizationId).toList();
    }

    /**
     * Adds the organization as a partner: programme staff's direct addition, an accepted invitation or an
     * accepted join request. Its pending request or invitation, if any, is settled by it.
     */
    public Change<Project> addPartner(String organizationId, PartnerRole role, LocalDate today) {
        requireOpen();
        requireNewPartner(organizationId, role);
        List<Partner> newPartners = new ArrayList<>(partners);
        newPartners.add(new Partner(organizationId, role, today));
        return Change.of(withPartners(newPartners, withoutRequest(organizationId), withoutInvitation(organizationId),
                steps), new PartnerJoined(id, organizationId, role.name(), today));
    }

    /** The lead invites an organization; it becomes a partner only when its administrator accepts. */
    public Change<Project> invite(String organizationId, PartnerRole role, String invitedBy, LocalDate today) {
        requireOpen();
        requireNewPartner(organizationId, role);
        if (invitation(organizationId).isPresent()) {
            throw new ConflictException("invitation.deja-envoyee", organizationId);
        }
        List<Invitation> newInvitations = new ArrayList<>(invitations);
        newInvitations.add(new Invitation(organizationId, role, today, invitedBy));
        return Change.of(withPartners(partners, joinRequests, newInvitations, steps),
                new PartnerInvited(id, organizationId, role.name(), today));
    }

    public Optional<Invitation> invitation(String organizationId) {
        return invitations.stream().filter(i -> i.organizationId().equals(organizationId)).findFirst();
    }

    /** The invited organization consents: it joins in the role it was invited to. */
    public Change<Project> acceptInvitation(String organizationId, LocalDate today) {
        return addPartner(organizationId, requireInvitation(organizationId).role(), today);
    }

    /** The invited organization declines (or the lead withdraws the invitation): nothing of it remains. */
    public Change<Project> declineInvitation(String organizationId, boolean withdrawn, LocalDate today) {
        requireInvitation(organizationId);
        return Change.of(withPartners(partners, joinRequests, withoutInvitation(organizationId), steps),
                new PartnerInvitationEnded(id, organizationId, withdrawn ? "WITHDRAWN" : "DECLINED", today));
    }

    public Project requestToJoin(String organizationId, String message, String requestedBy, LocalDate today) {
        requireStatus(ProjectStatus.ACTIVE, "projet.adhesion-impossible");
        if (partner(organizationId).isPresent()) {
            throw new ConflictException("partenaire.deja-present", organizationId);
        }
        if (joinRequest(organizationId).isPresent()) {
            throw new ConflictException("adhesion.deja-demandee", organizationId);
        }
        if (invitation(organizationId).isPresent()) {
            throw new ConflictException("adhesion.invitation-en-attente", organizationId);
        }
        List<JoinRequest> requests = new ArrayList<>(joinRequests);
        requests.add(new JoinRequest(organizationId, message, today, requestedBy));
        return withPartners(partners, requests, invitations, steps);
    }

    public Optional<JoinRequest> joinRequest(String organizationId) {
        return joinRequests.stream().filter(r -> r.organizationId().equals(organizationId)).findFirst();
    }

    public Change<Project> acceptJoinRequest(String organizationId, PartnerRole role, LocalDate today) {
        requireJoinRequest(organizationId);
        return addPartner(organizationId, role == null ? PartnerRole.PARTNER : role, today);
    }

    public Project declineJoinRequest(String organizationId) {
        requireJoinRequest(organizationId);
        return withPartners(partners, withoutRequest(organizationId), invitations, steps);
    }

    /** The organization leaves (or is removed); steps it was responsible for have no one in charge any more. */
    public Change<Project> removePartner(String organizationId, LocalDate today) {
        requireOpen();
        Partner partner = partner(organizationId)
                .orElseThrow(() -> new NotFoundException("partenaire.introuvable", organizationId));
        if (partner.role() == PartnerRole.LEAD) {
            throw new BusinessRuleException("partenaire.porteur-ne-quitte-pas");
        }
        List<Step> newSteps = steps.stream().map(s -> organizationId.equals(s.responsibleOrganizationId())
                ? new Step(s.id(), s.title(), s.description(), s.status(), s.dueDate(), null, s.completedOn(),
                s.illustrative())
                : s).toList();
        return Change.of(withPartners(partners.stream().filter(p -> p != partner).toList(), joinRequests, invitations,
                newSteps), new PartnerLeft(id, organizationId, today));
    }

    private void requireNewPartner(String organizationId, PartnerRole role) {
        if (role == PartnerRole.LEAD) {
            throw InvalidInputException.of(FieldViolation.of("role", "partenaire.un-seul-porteur"));
        }
        if (partner(organizationId).isPresent()) {
            throw new ConflictException("partenaire.deja-present", organizationId);
        }
    }

    private void requireJoinRequest(String organizationId) {
        if (joinRequest(organizationId).isEmpty()) {
            throw new NotFoundException("adhesion.introuvable", organizationId);
        }
    }

    private Invitation requireInvitation(String organizationId) {
        return invitation(organizationId)
                .orElseThrow(() -> new NotFoundException("invitation.introuvable", organizationId));
    }

    private List<JoinRequest> withoutRequest(String organizationId) {
        return joinRequests.stream().filter(r -> !r.organizationId().equals(organizationId)).toList();
    }

    private List<Invitation> withoutInvitation(String organizationId) {
        return invitations.stream().filter(i -> !i.organizationId().equals(organizationId)).toList();
    }

    private Project withPartners(List<Partner> newPartners, List<JoinRequest> requests, List<Invitation> newInvitations,
                                 List<Step> newSteps) {
        return new Project(id, name, targetedIssues, description, leadOrganizationId, contact, status, startDate,
                endDate, regionCodes, funding, newPartners, requests, newInvitations, newSteps, indicators, numbering, createdOn,
                activatedOn, closedOn);
    }

    // --- work plan -----------------------------------------------------------------------------------

    public Project addStep(StepDefinition definition) {
        requireOpen();
        requireResponsible(definition.responsibleOrganizationId());
        List<Step> newSteps = new ArrayList<>(steps);
        newSteps.add(new Step("etape-" + (numbering + 1), definition.title().strip(), definition.description(),
                StepStatus.TODO, definition.dueDate(), definition.responsibleOrganizationId(), null,
                definition.illustrative()));
        return withPlan(newSteps, indicators, numbering + 1);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public Project redefineStep(String stepId, StepDefinition definition) {
        requireOpen();
        requireResponsible(definition.responsibleOrganizationId());
        return replaceStep(stepId, s -> new Step(s.id(), definition.title().strip(), definition.description(),
                s.status(), definition.dueDate(), definition.responsibleOrganizationId(), s.completedOn(),
                definition.illustrative()));
    }

    /** A step's new status; a step done now (not before) is announced with the project's progress. */
    public Change<Project> changeStepStatus(String stepId, StepStatus newStatus, LocalDate today) {
        requireOpen();
        Project after = replaceStep(stepId, s -> new Step(s.id(), s.title(), s.description(), newStatus, s.dueDate(),
                s.responsibleOrganizationId(), newStatus == StepStatus.DONE
                        ? (s.status() == StepStatus.DONE ? s.completedOn() : today) : null, s.illustrative()));
        boolean completedNow = newStatus == StepStatus.DONE
                && step(stepId).map(s -> s.status() != StepStatus.DONE).orElse(false);
        if (!completedNow) {
            return Change.of(after);
        }
        Step step = after.step(stepId).orElseThrow();
        return Change.of(after, new StepCompleted(id, stepId, step.title(), step.completedOn(),
                after.progressPercent()));
    }

    /** Puts the steps in the given order, which must name each step once. */
    public Project reorderSteps(List<String> stepIds) {
        requireOpen();
        if (stepIds.size() != steps.size() || !stepIds.containsAll(steps.stream().map(Step::id).toList())) {
            throw InvalidInputException.of(FieldViolation.of("stepIds", "etapes.ordre-incomplet"));
        }
        return withPlan(stepIds.stream().map(stepId -> step(stepId).orElseThrow()).toList(), indicators, numbering);
    }

    /** Share of the work plan done, 0 to 100: done steps over steps that are not cancelled. */
    public int progressPercent() {
        long counted = steps.stream().filter(s -> s.status() != StepStatus.CANCELLED).count();
        long done = steps.stream().filter(s -> s.status() == StepStatus.DONE).count();
        return counted == 0 ? 0 : (int) (done * 100 / counted);
    }

    private void requireResponsible(String organizationId) {
        if (organizationId != null && partner(organizationId).isEmpty()) {
            throw InvalidInputException.of(FieldViolation.of("responsibleOrganizationId",
                    "etape.responsable-non-partenaire", organizationId));
        }
    }

    private Project replaceStep(String stepId, UnaryOperator<Step> change) {
        Step current = step(stepId).orElseThrow(() -> new NotFoundException("etape.introuvable", stepId));
        return withPlan(steps.stream().map(s -> s == current ? change.apply(s) : s).toList(), indicators, numbering);
    }

    // --- results framework ---------------------------------------------------------------------------

    public Project addIndicator(IndicatorDefinition definition) {
        requireOpen();
        List<Indicator> newIndicators = new ArrayList<>(indicators);
        newIndicators.add(definition.toIndicator("indicateur-" + (numbering + 1)));
        return withPlan(steps, newIndicators, numbering + 1);
    }

    public Optional<Indicator> indicator(String indicatorId) {
        return indicators.stream().filter(i -> i.id().equals(indicatorId)).findFirst();
    }

    /** Redefines an indicator; its kind cannot change, since values may already be recorded against it. */
    public Project redefineIndicator(String indicatorId, IndicatorDefinition definition) {
        requireOpen();
        Indicator current = indicator(indicatorId)
                .orElseThrow(() -> new NotFoundException("indicateur.introuvable", indicatorId));
        if (current.kind() != definition.kind()) {
            throw InvalidInputException.of(FieldViolation.of("kind", "indicateur.nature-immuable"));
        }
        Indicator redefined = definition.toIndicator(indicatorId);
        return withPlan(steps, indicators.stream().map(i -> i == current ? redefined : i).toList(), numbering);
    }

    private Project withPlan(List<Step> newSteps, List<Indicator> newIndicators, int newNumbering) {
        return new Project(id, name, targetedIssues, description, leadOrganizationId, contact, status, startDate,
                endDate, regionCodes, funding, partners, joinRequests, invitations, newSteps, newIndicators, newNumbering,
                createdOn, activatedOn, closedOn);
    }

    // --- guards --------------------------------------------------------------------------------------

    private void requireOpen() {
        if (!status.isOpen()) {
            throw new BusinessRuleException("projet.ferme", status.name());
        }
    }

    private void requireStatus(ProjectStatus expected, String code) {
        if (status != expected) {
            throw new BusinessRuleException(code, status.name());
        }
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}

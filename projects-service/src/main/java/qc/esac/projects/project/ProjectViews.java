package qc.esac.projects.project;

import org.springframework.stereotype.Component;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.KnownOrganization;
import qc.esac.membershipfeed.KnownOrganizations;
import qc.esac.projects.vocabulary.Vocabulary;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Projects as their readers see them: organization names and closed flags joined in, codes labelled. */
@Component
public class ProjectViews {

    private final KnownOrganizations organizations;
    private final Vocabulary vocabulary;
    private final ProjectAccess access;
    private final Clock clock;

    ProjectViews(KnownOrganizations organizations, Vocabulary vocabulary, ProjectAccess access, Clock clock) {
        this.organizations = organizations;
        this.vocabulary = vocabulary;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Everything a reader of the project sees. Join requests and invitations are shown to those who decide on
     * them (the lead, programme staff); an invited organization sees its own invitation.
     */
    public ProjectView full(Versioned<Project> versioned, EsacUser user) {
        Project p = versioned.state();
        boolean manager = access.canManage(user, p);
        List<String> ownInvitations = access.administeredInvitations(user, p);
        Map<String, KnownOrganization> known = known(p);
        return new ProjectView(p.id(), p.name(), issues(p), p.description(), organization(p.leadOrganizationId(), known),
                p.contact(), code(p.status()), p.startDate(), p.endDate(), p.regionCodes(), p.funding(),
                p.funding().stream().map(Funding::amount).reduce(BigDecimal.ZERO, BigDecimal::add),
                partners(p, known), !manager ? List.of() : p.joinRequests().stream()
                        .map(r -> new JoinRequestView(organization(r.organizationId(), known), r.message(),
                                r.requestedOn())).toList(),
                p.invitations().stream().filter(i -> manager || ownInvitations.contains(i.organizationId()))
                        .map(i -> new InvitationView(organization(i.organizationId(), known),
                                new Code(i.role().name(), vocabulary.label("role", i.role())), i.invitedOn()))
                        .toList(),
                steps(p, known), p.progressPercent(), indicators(p),
                p.partners().stream().anyMatch(partner -> isClosed(partner.organizationId(), known)),
                p.createdOn(), p.activatedOn(), p.closedOn(), versioned.version());
    }

    /** A line of the caller's project list; {@code invitedOrganizationIds}: the caller's organizations invited to it. */
    public ProjectSummary summary(Versioned<Project> versioned, EsacUser user) {
        Project p = versioned.state();
        Map<String, KnownOrganization> known = known(p);
        return new ProjectSummary(p.id(), p.name(), issues(p), organization(p.leadOrganizationId(), known),
                code(p.status()), p.startDate(), p.endDate(), p.regionCodes(), p.partners().size(),
                p.progressPercent(), p.partners().stream().anyMatch(partner -> isClosed(partner.organizationId(), known)),
                access.administeredInvitations(user, p));
    }

    /** What anyone may read of an active or completed project: no funding amounts, requests or reporting. */
    public PublicProjectView publicView(Project p) {
        Map<String, KnownOrganization> known = known(p);
        return new PublicProjectView(p.id(), p.name(), issues(p), p.description(),
                organization(p.leadOrganizationId(), known), p.contact(), code(p.status()), p.startDate(), p.endDate(),
                p.regionCodes(), p.funding().stream().map(Funding::programme).distinct().toList(),
                partners(p, known), p.steps().stream().map(s -> new PublicStepView(s.title(), code(s.status()),
                        s.illustrative(), illustrativeNote(s))).toList(),
                p.progressPercent());
    }

    private Map<String, KnownOrganization> known(Project p) {
        List<String> ids = new ArrayList<>(p.partnerOrganizationIds());
        p.joinRequests().forEach(r -> ids.add(r.organizationId()));
        p.invitations().forEach(i -> ids.add(i.organizationId()));
        return organizations.findAll(ids);
    }

    private List<Code> issues(Project p) {
        return p.targetedIssues().stream().map(i -> new Code(i.name(), vocabulary.label("enjeu", i))).toList();
    }

    private List<PartnerView> partners(Project p, Map<String, KnownOrganization> known) {
        return p.partners().stream().map(partner -> new PartnerView(organization(partner.organizationId(), known),
                new Code(partner.role().name(), vocabulary.label("role", partner.role())), partner.joinedOn())).toList();
    }

    private List<StepView> steps(Project p, Map<String, KnownOrganization> known) {
        LocalDate today = LocalDate.now(clock);
        return p.steps().stream().map(s -> new StepView(s.id(), s.title(), s.description(), code(s.status()),
                s.dueDate(), s.isOverdue(today), s.responsibleOrganizationId() == null ? null
                        : organization(s.responsibleOrganizationId(), known), s.completedOn(), s.illustrative(),
                illustrativeNote(s))).toList();
    }

    /** Tells a reader, in their language, that a step is an example and not what the project announced. */
    private String illustrativeNote(Step step) {
        return step.illustrative() ? vocabulary.text("etape.illustrative") : null;
    }

    private List<IndicatorView> indicators(Project p) {
        return p.indicators().stream().map(i -> new IndicatorView(i.id(), i.name(), i.description(),
                code(i.kind()), i.unit() == null ? null : new Code(i.unit().name(), vocabulary.label("unite", i.unit())),
                i.baseline(), i.target(), i.cumulative(), i.breakdownDimension(),
                i.source() == null ? null : new Code(i.source().name(), vocabulary.label("source", i.source())),
                i.programmeCode(), i.illustrative(),
                i.illustrative() ? vocabulary.text("indicateur.illustratif") : null)).toList();
    }

    private Code code(Enum<?> value) {
        String family = value instanceof ProjectStatus ? "statut-projet"
                : value instanceof StepStatus ? "statut-etape"
                : "nature-indicateur";
        return new Code(value.name(), vocabulary.label(family, value));
    }

    private OrganizationRef organization(String id, Map<String, KnownOrganization> known) {
        KnownOrganization organization = known.get(id);
        return organization == null ? new OrganizationRef(id, null, null, false, false, null)
                : new OrganizationRef(id, organization.legalName(), organization.regionCode(), organization.closed(),
                organization.illustrative(),
                organization.illustrative() ? vocabulary.text("organisation.illustrative") : null);
    }

    private static boolean isClosed(String id, Map<String, KnownOrganization> known) {
        KnownOrganization organization = known.get(id);
        return organization != null && organization.closed();
    }

    /** A code and its label in the caller's language. */
    public record Code(String code, String label) {
    }

    /**
     * An organization as known from membership events; {@code closed} flags one that has closed,
     * {@code illustrativeNote} (with {@code illustrative}) one whose region and other profile facts are invented.
     */
    public record OrganizationRef(String id, String name, String regionCode, boolean closed, boolean illustrative,
                                  String illustrativeNote) {
    }

    public record PartnerView(OrganizationRef organization, Code role, LocalDate joinedOn) {
    }

    public record JoinRequestView(OrganizationRef organization, String message, LocalDate requestedOn) {
    }

    /** An invitation waiting for the invited organization's answer; the organization is not a partner yet. */
    public record InvitationView(OrganizationRef organization, Code role, LocalDate invitedOn) {
    }

    public record StepView(String id, String title, String description, Code status, LocalDate dueDate,
                           boolean overdue, OrganizationRef responsible, LocalDate completedOn,
                           boolean illustrative, String illustrativeNote) {
    }

    public record PublicStepView(String title, Code status, boolean illustrative, String illustrativeNote) {
    }

    public record IndicatorView(String id, String name, String description, Code kind, Code unit, Double baseline,
                                Double target, boolean cumulative, String breakdownDimension, Code source,
                                String programmeCode, boolean illustrative, String illustrativeNote) {
    }

    public record ProjectView(String id, String name, List<Code> targetedIssues, String description,
                              OrganizationRef leadOrganization, Contact contact, Code status, LocalDate startDate,
                              LocalDate endDate, List<String> regionCodes, List<Funding> funding,
                              BigDecimal totalFunding, List<PartnerView> partners, List<JoinRequestView> joinRequests,
                              List<InvitationView> invitations, List<StepView> steps, int progressPercent, List<IndicatorView> indicators,
                              boolean hasClosedPartner, LocalDate createdOn, LocalDate activatedOn,
                              LocalDate closedOn, long version) {
    }

    public record ProjectSummary(String id, String name, List<Code> targetedIssues, OrganizationRef leadOrganization,
                                 Code status, LocalDate startDate, LocalDate endDate, List<String> regionCodes,
                                 int partnerCount, int progressPercent, boolean hasClosedPartner,
                                 List<String> invitedOrganizationIds) {
    }

    public record PublicProjectView(String id, String name, List<Code> targetedIssues, String description,
                                    OrganizationRef leadOrganization, Contact contact, Code status,
                                    LocalDate startDate, LocalDate endDate, List<String> regionCodes,
                                    List<String> fundingProgrammes, List<PartnerView> partners,
                                    List<PublicStepView> steps, int progressPercent) {
    }
}

package qc.esac.projects.project;

import org.junit.jupiter.api.Test;
import qc.esac.events.projects.PartnerInvitationEnded;
import qc.esac.events.projects.PartnerJoined;
import qc.esac.events.projects.ProjectActivated;
import qc.esac.events.projects.ProjectCreated;
import qc.esac.events.projects.StepCompleted;
import qc.esac.kit.domain.Change;
import qc.esac.kit.problem.BusinessRuleException;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.problem.ProblemException;
import qc.esac.projects.platform.PlatformSource;
import qc.esac.projects.vocabulary.PartnerRole;
import qc.esac.projects.vocabulary.TargetedIssue;
import qc.esac.projects.vocabulary.Unit;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProjectTest {

    static final LocalDate TODAY = LocalDate.of(2026, 4, 1);

    static Project draft() {
        return Project.draft("p-1", "lead", new ProjectDetails("Pôles logistiques alimentaires",
                List.of(TargetedIssue.AUTONOMIE_ALIMENTAIRE), "Description", new Contact("Coordination", "projets@exemple.org"),
                TODAY, TODAY.plusYears(3), List.of("03"), List.of()), TODAY);
    }

    @Test
    void theLeadIsTheFirstPartnerAndCannotLeave() {
        Project project = draft();

        assertThat(project.partner("lead")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(PartnerRole.LEAD));
        assertThatThrownBy(() -> project.removePartner("lead", TODAY)).isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("partenaire.porteur-ne-quitte-pas");
    }

    @Test
    void anInvitedOrganizationIsNoPartnerUntilItAccepts() {
        Project invited = draft().activate(TODAY).state()
                .invite("coop", PartnerRole.INITIAL_PARTNER, "lead-admin", TODAY).state();

        assertThat(invited.partnerOrganizationIds()).containsExactly("lead");
        assertThat(invited.contributingOrganizationIds()).containsExactly("lead");
        assertThat(invited.invitation("coop")).isPresent();
        assertThatThrownBy(() -> invited.invite("coop", PartnerRole.PARTNER, "lead-admin", TODAY))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> invited.requestToJoin("coop", null, "coop-admin", TODAY))
                .isInstanceOf(ConflictException.class);

        Project accepted = invited.acceptInvitation("coop", TODAY).state();
        assertThat(accepted.partner("coop")).hasValueSatisfying(
                p -> assertThat(p.role()).isEqualTo(PartnerRole.INITIAL_PARTNER));
        assertThat(accepted.invitations()).isEmpty();
        Project declined = invited.declineInvitation("coop", false, TODAY).state();
        assertThat(declined.partnerOrganizationIds()).containsExactly("lead");
        assertThat(declined.invitations()).isEmpty();
        assertThatThrownBy(() -> declined.acceptInvitation("coop", TODAY)).isInstanceOf(ProblemException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("invitation.introuvable");
    }

    @Test
    void lifecycleGoesDraftActiveCompletedAndRefusesOtherMoves() {
        Project active = draft().activate(TODAY).state();
        assertThat(active.status()).isEqualTo(ProjectStatus.ACTIVE);
        assertThat(active.activatedOn()).isEqualTo(TODAY);
        assertThatThrownBy(() -> active.activate(TODAY)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> draft().complete(TODAY)).isInstanceOf(BusinessRuleException.class);

        Project completed = active.complete(TODAY.plusYears(2)).state();
        assertThat(completed.status()).isEqualTo(ProjectStatus.COMPLETED);
        assertThatThrownBy(() -> completed.cancel(TODAY)).isInstanceOf(BusinessRuleException.class);
        assertThatThrownBy(() -> completed.addStep(new StepDefinition("Étape", null, null, null)))
                .isInstanceOf(BusinessRuleException.class)
                .extracting(e -> ((ProblemException) e).code()).isEqualTo("projet.ferme");
    }

    @Test
    void joinRequestIsAcceptedOnceAndOnlyOnActiveProjects() {
        assertThatThrownBy(() -> draft().requestToJoin("coop", "Bonjour", "admin", TODAY))
                .isInstanceOf(BusinessRuleException.class);
        Project requested = draft().activate(TODAY).state().requestToJoin("coop", "Bonjour", "admin", TODAY);
        assertThatThrownBy(() -> requested.requestToJoin("coop", "Encore", "admin", TODAY))
                .isInstanceOf(ConflictException.class);

        Project accepted = requested.acceptJoinRequest("coop", null, TODAY).state();

        assertThat(accepted.joinRequests()).isEmpty();
        assertThat(accepted.partner("coop")).hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(PartnerRole.PARTNER));
        assertThatThrownBy(() -> accepted.requestToJoin("coop", "Encore", "admin", TODAY))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aLeavingPartnerIsNoLongerResponsibleForSteps() {
        Project project = draft().addPartner("coop", PartnerRole.INITIAL_PARTNER, TODAY).state()
                .addStep(new StepDefinition("Analyser les besoins", null, TODAY.plusMonths(3), "coop"));

        Project left = project.removePartner("coop", TODAY).state();

        assertThat(left.partner("coop")).isEmpty();
        assertThat(left.steps().get(0).responsibleOrganizationId()).isNull();
    }

    @Test
    void aStepResponsibleMustBeAPartner() {
        assertThatThrownBy(() -> draft().addStep(new StepDefinition("Étape", null, null, "inconnue")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void progressCountsDoneStepsOverStepsNotCancelled() {
        Project project = draft();
        assertThat(project.progressPercent()).isZero();
        for (String title : List.of("Recenser", "Analyser", "Proposer", "Planifier")) {
            project = project.addStep(new StepDefinition(title, null, null, null));
        }
        List<String> ids = project.steps().stream().map(Step::id).toList();

        project = project.changeStepStatus(ids.get(0), StepStatus.DONE, TODAY).state()
                .changeStepStatus(ids.get(1), StepStatus.IN_PROGRESS, TODAY).state();
        assertThat(project.progressPercent()).isEqualTo(25);

        project = project.changeStepStatus(ids.get(3), StepStatus.CANCELLED, TODAY).state();
        assertThat(project.progressPercent()).as("1 done of 3 counted").isEqualTo(33);
        assertThat(project.step(ids.get(0))).hasValueSatisfying(s -> assertThat(s.completedOn()).isEqualTo(TODAY));
    }

    @Test
    void aStepIsOverdueWhenPastDueAndNotDoneOrCancelled() {
        Project project = draft().addStep(new StepDefinition("Analyser", null, TODAY.minusDays(1), null));
        String id = project.steps().get(0).id();

        assertThat(project.step(id).orElseThrow().isOverdue(TODAY)).isTrue();
        assertThat(project.step(id).orElseThrow().isOverdue(TODAY.minusDays(1))).as("due today").isFalse();
        assertThat(project.changeStepStatus(id, StepStatus.DONE, TODAY).state().step(id).orElseThrow()
                .isOverdue(TODAY)).isFalse();
        assertThat(project.changeStepStatus(id, StepStatus.CANCELLED, TODAY).state().step(id).orElseThrow()
                .isOverdue(TODAY)).isFalse();
    }

    @Test
    void stepsAreReorderedOnlyWithEveryStepNamedOnce() {
        Project project = draft().addStep(new StepDefinition("A", null, null, null))
                .addStep(new StepDefinition("B", null, null, null));

        assertThat(project.reorderSteps(List.of("etape-2", "etape-1")).steps()).extracting(Step::title)
                .containsExactly("B", "A");
        Project finalProject = project;
        assertThatThrownBy(() -> finalProject.reorderSteps(List.of("etape-2")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTargetInAnotherUnitIsRefused() {
        IndicatorDefinition definition = new IndicatorDefinition("Personnes en emploi", null, IndicatorKind.QUANTITATIVE,
                Unit.PERSONNES, 0.0, 40.0, Unit.ENTREPRISES, true, null, null, "PERSONNES_EN_EMPLOI");

        assertThatThrownBy(() -> draft().addIndicator(definition)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.violations()).singleElement()
                        .satisfies(v -> assertThat(v.field()).isEqualTo("target.unit")));
    }

    @Test
    void aBoundIndicatorTakesItsSourceUnitAndAggregation() {
        Project project = draft().addIndicator(new IndicatorDefinition("Partenaires inscrits", null,
                IndicatorKind.QUANTITATIVE, null, null, 10.0, null, true, null,
                PlatformSource.PARTNER_ORGANIZATIONS_REGISTERED, null));

        Indicator indicator = project.indicators().get(0);
        assertThat(indicator.unit()).isEqualTo(Unit.ORGANISATIONS);
        assertThat(indicator.cumulative()).as("a level source does not add up").isFalse();
        assertThat(indicator.isBound()).isTrue();
    }

    @Test
    void aQualitativeIndicatorHasNoMeasure() {
        assertThatThrownBy(() -> draft().addIndicator(new IndicatorDefinition("Concertation", null,
                IndicatorKind.QUALITATIVE, Unit.PERSONNES, null, 3.0, null, null, null, null, null)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations()).hasSize(2));
    }

    @Test
    void theProjectEmitsTheEventsOfItsOwnChanges() {
        Change<Project> created = Project.create("p-2", "lead", new ProjectDetails("Projet", List.of(), null, null,
                null, null, List.of(), List.of()), TODAY);
        assertThat(created.events()).hasExactlyElementsOfTypes(ProjectCreated.class, PartnerJoined.class);

        Change<Project> activated = created.state().activate(TODAY);
        assertThat(activated.events()).singleElement().isInstanceOfSatisfying(ProjectActivated.class,
                e -> assertThat(e.partnerOrganizationIds()).containsExactly("lead"));

        Project invited = activated.state().invite("coop", PartnerRole.PARTNER, "lead-admin", TODAY).state();
        assertThat(invited.declineInvitation("coop", true, TODAY).events()).singleElement()
                .isInstanceOfSatisfying(PartnerInvitationEnded.class,
                        e -> assertThat(e.outcome()).isEqualTo("WITHDRAWN"));

        Project planned = invited.addStep(new StepDefinition("Recenser", null, null, null));
        String step = planned.steps().get(0).id();
        Change<Project> done = planned.changeStepStatus(step, StepStatus.DONE, TODAY);
        assertThat(done.events()).singleElement().isInstanceOfSatisfying(StepCompleted.class,
                e -> assertThat(e.progressPercent()).isEqualTo(100));
        assertThat(done.state().changeStepStatus(step, StepStatus.DONE, TODAY).events()).as("done already").isEmpty();
    }
}

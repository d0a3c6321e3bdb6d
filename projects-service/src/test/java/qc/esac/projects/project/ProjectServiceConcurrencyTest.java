package qc.esac.projects.project;

import org.junit.jupiter.api.Test;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.identity.EsacRole;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.KnownOrganizations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.CALLS_REAL_METHODS;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

/**
 * A command without If-Match that keeps losing the race to concurrent writers ends in the kit's 409
 * ({@code version.concurrente}), not in a 412 about a version the client never named.
 */
class ProjectServiceConcurrencyTest {

    @Test
    @SuppressWarnings("unchecked")
    void aCommandWithoutIfMatchThatKeepsLosingTheRaceIsA409() {
        Project project = Project.draft("p-1", "lead", new ProjectDetails("Projet", List.of(), null, null, null,
                null, List.of(), List.of()), LocalDate.of(2026, 1, 5));
        AggregateStore<Project> store = mock(AggregateStore.class, withSettings().defaultAnswer(CALLS_REAL_METHODS));
        doReturn(Optional.of(new Versioned<>("p-1", project, 3L))).when(store).find("p-1");
        doThrow(new OptimisticLockingFailureException("someone else wrote first"))
                .when(store).update(eq("p-1"), anyLong(), any(), any());
        AggregateStores stores = mock(AggregateStores.class);
        when(stores.forCollection(eq(Projects.COLLECTION), eq(Project.class))).thenReturn(store);
        when(stores.forCollection(eq(Projects.COLLECTION), eq(Project.class), anyString())).thenReturn(store);
        Projects projects = new Projects(stores, mock(MongoTemplate.class, RETURNS_DEEP_STUBS));
        ProjectService service = new ProjectService(projects, mock(KnownOrganizations.class),
                new ProjectAccess("csmo-esac"), Clock.systemUTC());
        EsacUser leadAdministrator = new EsacUser("admin", Set.of(EsacRole.ORG_ADMIN), Set.of("lead"), Set.of(),
                Set.of());

        assertThatThrownBy(() -> service.addStep(leadAdministrator, "p-1",
                new StepDefinition("Une étape", null, null, null)))
                .isInstanceOfSatisfying(ConflictException.class,
                        conflict -> org.assertj.core.api.Assertions.assertThat(conflict.code())
                                .isEqualTo("version.concurrente"));
    }
}

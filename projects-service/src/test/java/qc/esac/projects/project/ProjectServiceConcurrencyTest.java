package qc.esac.projects.project;

import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import qc.esac.identity.EsacRole;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.security.EsacUser;
import qc.esac.membershipfeed.KnownOrganizations;

import java.time.Clock;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A command without If-Match names no version to the kit's {@code AggregateStore.change}: a command that keeps
 * losing the race to concurrent writers then ends in the kit's 409 ({@code version.concurrente}, proven in the
 * kit's AggregateStoreChangeIT), not in a 412 about a version the client never named.
 */
class ProjectServiceConcurrencyTest {

    @Test
    @SuppressWarnings("unchecked")
    void aCommandWithoutIfMatchNamesNoVersionAndKeepsTheKitsConflict() {
        AggregateStore<Project> store = mock(AggregateStore.class);
        when(store.change(eq("p-1"), isNull(), any(), any())).thenThrow(new ConflictException("version.concurrente"));
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
        verify(store).change(eq("p-1"), isNull(), any(), any());
    }
}

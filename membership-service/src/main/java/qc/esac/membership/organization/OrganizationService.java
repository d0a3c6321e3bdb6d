package qc.esac.membership.organization;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;
import qc.esac.events.membership.OrganizationRegistered;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.ConflictException;
import qc.esac.kit.problem.NotFoundException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registers organizations and answers what the platform knows of them. */
@Service
public class OrganizationService {

    static final String COLLECTION = "organizations";

    private final AggregateStore<Organization> organizations;

    OrganizationService(AggregateStores stores, MongoTemplate mongo) {
        this.organizations = stores.forCollection(COLLECTION, Organization.class);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("state.neq", Sort.Direction.ASC).unique().named("neq"));
    }

    public Versioned<Organization> register(RegisterOrganization command) {
        Organization organization = new Organization(UUID.randomUUID().toString(), command.legalName().strip(),
                command.neq(), command.legalForm(), command.regionCode(), command.sectorCodes());
        try {
            return organizations.insert(organization.id(), organization, List.of(registered(organization)));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("organisation.neq-existant", command.neq());
        }
    }

    public Versioned<Organization> get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("organisation.introuvable", id));
    }

    public Optional<Versioned<Organization>> find(String id) {
        return organizations.find(id);
    }

    private static OrganizationRegistered registered(Organization organization) {
        return new OrganizationRegistered(organization.id(), organization.legalName(), organization.neq(),
                organization.legalForm(), organization.regionCode(), organization.sectorCodes());
    }

    /** What a caller supplies to register an organization, already validated at the edge. */
    public record RegisterOrganization(String legalName, String neq, String legalForm, String regionCode,
                                       List<String> sectorCodes) {
    }
}

package qc.esac.insurance.renewal;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.store.RetiredIndexes;

import java.util.List;
import java.util.Set;

/** The claims experience collection: one document per employer, plan year and coverage (no events). */
@Component
class ClaimsExperiences {

    static final String COLLECTION = "claims_experience";

    private static final String ORGANIZATION = "organizationId";
    private static final String PLAN_YEAR = "planYear";
    private static final String COVERAGE = "coverage";

    private final MongoTemplate mongo;

    ClaimsExperiences(MongoTemplate mongo) {
        this.mongo = mongo;
        // An employer's experience in its sort order; replaces {organization, year}, which left coverage to memory.
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        RetiredIndexes.drop(indexes, Set.of("organization_year"));
        indexes.createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC).on(PLAN_YEAR, Sort.Direction.ASC)
                .on(COVERAGE, Sort.Direction.ASC).named("organization_year_coverage"));
    }

    /** Records or replaces (same id: same employer, year and coverage). */
    void save(ClaimsExperience experience) {
        mongo.save(experience, COLLECTION);
    }

    /** The employer's experience by plan year and coverage. */
    List<ClaimsExperience> of(String organizationId) {
        return mongo.find(Query.query(Criteria.where(ORGANIZATION).is(organizationId))
                .with(Sort.by(PLAN_YEAR, COVERAGE)), ClaimsExperience.class, COLLECTION);
    }
}

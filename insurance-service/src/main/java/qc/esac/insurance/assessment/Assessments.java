package qc.esac.insurance.assessment;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import java.util.List;

/** The saved needs assessments (no events): their index and the queries on an assessment's fields. */
@Component
class Assessments {

    static final String COLLECTION = "needs_assessments";

    private static final String ORGANIZATION = "organizationId";
    private static final String SAVED_AT = "savedAt";

    private final MongoTemplate mongo;

    Assessments(MongoTemplate mongo) {
        this.mongo = mongo;
        // An organization's list, most recent first, and its count.
        mongo.indexOps(COLLECTION).createIndex(new Index().on(ORGANIZATION, Sort.Direction.ASC)
                .on(SAVED_AT, Sort.Direction.DESC).named("organization_saved"));
    }

    /** Saves it, or returns the one saved already with its id (a retried request). */
    AssessmentController.SavedAssessment save(AssessmentController.SavedAssessment assessment) {
        try {
            return mongo.insert(assessment, COLLECTION);
        } catch (DuplicateKeyException retried) {
            return mongo.findById(assessment.id(), AssessmentController.SavedAssessment.class, COLLECTION);
        }
    }

    /** A page of the organization's assessments, most recently saved first. */
    List<AssessmentController.SavedAssessment> ofOrganization(String organizationId, int page, int size) {
        return mongo.find(Query.query(Criteria.where(ORGANIZATION).is(organizationId))
                        .with(Sort.by(Sort.Direction.DESC, SAVED_AT)).skip((long) page * size).limit(size),
                AssessmentController.SavedAssessment.class, COLLECTION);
    }

    long countOf(String organizationId) {
        return mongo.count(Query.query(Criteria.where(ORGANIZATION).is(organizationId)), COLLECTION);
    }
}

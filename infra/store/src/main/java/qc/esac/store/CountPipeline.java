package qc.esac.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoCollection;
import de.bwaldvogel.mongo.bson.Document;

import java.util.List;

/**
 * The driver's {@code countDocuments} is an aggregation ({@code $match}, optional {@code $skip}/{@code $limit},
 * {@code $group} counting), which mongo-java-server answers by streaming the whole collection through the match.
 * The stand-in answers that one shape as a query instead, so that the filter can use the id index and the
 * {@link OrderedIndex secondary indexes} (and an equality on an indexed field is counted from the index alone).
 * Any other pipeline is left to the library.
 */
final class CountPipeline {

    private CountPipeline() {
    }

    /** The answer to {@code command} when it is a count pipeline on an existing collection, else null. */
    static Document answer(MongoDatabase database, String command, Document query) {
        if (!"aggregate".equalsIgnoreCase(command) || !(query.get("aggregate") instanceof String name)
                || !(query.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2 || pipeline.size() > 4) {
            return null;
        }
        if (!(pipeline.get(0) instanceof Document first) || first.size() != 1
                || !(first.get("$match") instanceof Document filter) || !isCountGroup(pipeline.get(pipeline.size() - 1))) {
            return null;
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (!(stage instanceof Document step) || step.size() != 1) {
                return null;
            }
            if (step.get("$skip") instanceof Number n && skip == 0 && limit == 0) {
                skip = n.intValue();
            } else if (step.get("$limit") instanceof Number n && limit == 0) {
                limit = n.intValue();
            } else {
                return null;
            }
        }
        MongoCollection<?> collection = database.resolveCollection(name, false);
        if (!(collection instanceof AbstractMongoCollection<?> documents)) {
            return null;
        }
        long count = IndexPlans.count(documents, filter, skip, limit);
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + name)
                .append("firstBatch", batch);
        return new Document("cursor", cursor).append("ok", 1.0);
    }

    private static boolean isCountGroup(Object stage) {
        return stage instanceof Document group && group.size() == 1 && group.get("$group") instanceof Document spec
                && spec.size() == 2 && spec.containsKey("_id") && spec.get("n") instanceof Document sum
                && sum.size() == 1 && Integer.valueOf(1).equals(toInt(sum.get("$sum")));
    }

    private static Integer toInt(Object value) {
        return value instanceof Number n && n.doubleValue() == n.intValue() ? n.intValue() : null;
    }
}

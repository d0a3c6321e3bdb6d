package qc.esac.kit.observability;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store is healthy when the service's own database answers a {@code ping}. Boot's indicator instead asks
 * every database of the server for its {@code hello}: more work than readiness needs, and a command the
 * MongoDB stand-in used without Docker does not answer on ordinary databases.
 */
public class MongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    public MongoHealthIndicator(MongoTemplate mongo) {
        super("MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.getDb().runCommand(new Document("ping", 1));
        Object ok = answer.get("ok");
        if (ok instanceof Number number && number.doubleValue() == 1.0) {
            builder.up().withDetail("database", mongo.getDb().getName());
        } else {
            builder.down().withDetail("database", mongo.getDb().getName());
        }
    }
}

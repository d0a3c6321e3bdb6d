package qc.esac.training.catalogue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.Decimals;
import qc.esac.training.IdempotencyKeys;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The training catalogue: staff of a network manage its courses, everyone browses and searches them. */
@Service
public class CourseService {

    static final String COLLECTION = "courses";

    private final AggregateStore<Course> courses;

    CourseService(AggregateStores stores, MongoTemplate mongo) {
        this.courses = stores.forCollection(COLLECTION, Course.class, "cours.introuvable");
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index().on("state.themes", Sort.Direction.ASC).named("themes"));
        indexes.createIndex(new Index().on("state.networkId", Sort.Direction.ASC)
                .on("state.title.fr", Sort.Direction.ASC).named("network_title"));
    }

    /** Adds a course; a retry with the same idempotency key returns the course the first request created. */
    public Versioned<Course> create(EsacUser user, CourseDetails details, String idempotencyKey) {
        user.requireStaffOf(details.networkId());
        String id = IdempotencyKeys.idFor(user, "course", idempotencyKey);
        try {
            return courses.insert(id, details.toCourse(id, true), List.of());
        } catch (DuplicateKeyException retried) {
            return get(id);
        }
    }

    /** Replaces a course, only if it is still at the version the caller read (If-Match). */
    public Versioned<Course> update(EsacUser user, String id, long expectedVersion, CourseDetails details,
                                    boolean active) {
        return courses.change(id, expectedVersion, c -> {
            user.requireStaffOf(c.networkId());
            user.requireStaffOf(details.networkId()); // moving it to another network takes staff of both
        }, c -> Change.of(details.toCourse(id, active)));
    }

    public Versioned<Course> get(String id) {
        return courses.get(id);
    }

    public Optional<Versioned<Course>> find(String id) {
        return courses.find(id);
    }

    /** Active courses matching every given filter, by French title. */
    public PageView<Versioned<Course>> search(CourseFilter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where("state.active").is(true));
        if (filter.networkId() != null) {
            criteria.add(Criteria.where("state.networkId").is(filter.networkId()));
        }
        if (filter.theme() != null) {
            criteria.add(Criteria.where("state.themes").is(filter.theme()));
        }
        if (filter.audience() != null) {
            criteria.add(Criteria.where("state.audiences").is(filter.audience()));
        }
        if (filter.format() != null) {
            criteria.add(Criteria.where("state.formats").is(filter.format().name()));
        }
        if (filter.mode() != null) {
            criteria.add(Criteria.where("state.modes").is(filter.mode().name()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            for (String word : Course.normalize(filter.text()).split(" ")) {
                if (!word.isEmpty()) {
                    criteria.add(Criteria.where("state.searchText").regex(Pattern.quote(word)));
                }
            }
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        long total = courses.count(query);
        query.with(Sort.by("state.title.fr")).skip((long) page * size).limit(size);
        List<Versioned<Course>> items = courses.find(query);
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Active courses covering any of the themes (used to match training needs with the catalogue). */
    public List<Course> coveringThemes(Collection<String> themes) {
        if (themes.isEmpty()) {
            return List.of();
        }
        Query query = Query.query(Criteria.where("state.active").is(true).and("state.themes").in(themes))
                .with(Sort.by("state.title.fr")).limit(200);
        return courses.find(query).stream().map(Versioned::state).toList();
    }

    /** The filters of a catalogue search; null means "any". */
    public record CourseFilter(String text, String theme, String audience, DeliveryFormat format, DeliveryMode mode,
                               String networkId) {
    }

    /** What staff write about a course. */
    public record CourseDetails(String networkId, LocalizedText title, LocalizedText description,
                                List<LocalizedText> objectives, LocalizedText targetAudience, List<String> audiences,
                                List<String> themes, Set<DeliveryFormat> formats, Set<DeliveryMode> modes,
                                BigDecimal hours, List<Trainer> trainers) {

        Course toCourse(String id, boolean active) {
            return Course.of(id, networkId, title, description, objectives == null ? List.of() : objectives,
                    targetAudience, audiences, themes == null ? List.of() : themes, formats, modes,
                    Decimals.tidy(hours), trainers, active);
        }
    }
}

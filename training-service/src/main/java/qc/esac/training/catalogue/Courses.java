package qc.esac.training.catalogue;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.AggregateStore;
import qc.esac.kit.outbox.AggregateStores;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.web.PageView;
import qc.esac.kit.store.RetiredIndexes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

/** The courses collection: its indexes and every query on a course's fields. */
@Component
class Courses {

    static final String COLLECTION = "courses";

    private static final String ID = "_id";
    private static final String ACTIVE = "state.active";
    private static final String NETWORK = "state.networkId";
    private static final String THEMES = "state.themes";
    private static final String AUDIENCES = "state.audiences";
    private static final String FORMATS = "state.formats";
    private static final String MODES = "state.modes";
    private static final String SEARCH_TEXT = "state.searchText";
    private static final String TITLE = "state.title.fr";

    private final AggregateStore<Course> store;

    Courses(AggregateStores stores, MongoTemplate mongo) {
        this.store = stores.forCollection(COLLECTION, Course.class, "cours.introuvable");
        IndexOperations indexes = mongo.indexOps(COLLECTION);
        // The catalogue is sorted by French title then id: {title, id} walks it in that order (the "active" filter,
        // true of nearly every course, is checked on the way; the text words are "contains" and test every course).
        // A network's or a theme's courses: that equality, then the same order. These replace {themes} and
        // {network, title}, which left (part of) the sort to memory.
        RetiredIndexes.drop(indexes, Set.of("themes", "network_title"));
        indexes.createIndex(new Index().on(TITLE, Sort.Direction.ASC).on(ID, Sort.Direction.ASC).named("title_id"));
        indexes.createIndex(new Index().on(NETWORK, Sort.Direction.ASC).on(TITLE, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("network_title_id"));
        indexes.createIndex(new Index().on(THEMES, Sort.Direction.ASC).on(TITLE, Sort.Direction.ASC)
                .on(ID, Sort.Direction.ASC).named("themes_title_id"));
    }

    Optional<Versioned<Course>> find(String id) {
        return store.find(id);
    }

    Versioned<Course> get(String id) {
        return store.get(id);
    }

    Versioned<Course> insert(String id, Course course) {
        return store.insert(id, course, List.of());
    }

    Versioned<Course> change(String id, Long expectedVersion, Consumer<? super Course> authorize,
                             Function<? super Course, Change<Course>> command) {
        return store.change(id, expectedVersion, authorize, command);
    }

    /** Active courses matching every given filter (text: every word), by French title (then id: stable pages). */
    PageView<Versioned<Course>> search(CourseService.CourseFilter filter, int page, int size) {
        List<Criteria> criteria = new ArrayList<>();
        criteria.add(Criteria.where(ACTIVE).is(true));
        if (filter.networkId() != null) {
            criteria.add(Criteria.where(NETWORK).is(filter.networkId()));
        }
        if (filter.theme() != null) {
            criteria.add(Criteria.where(THEMES).is(filter.theme()));
        }
        if (filter.audience() != null) {
            criteria.add(Criteria.where(AUDIENCES).is(filter.audience()));
        }
        if (filter.format() != null) {
            criteria.add(Criteria.where(FORMATS).is(filter.format().name()));
        }
        if (filter.mode() != null) {
            criteria.add(Criteria.where(MODES).is(filter.mode().name()));
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            for (String word : Course.normalize(filter.text()).split(" ")) {
                if (!word.isEmpty()) {
                    criteria.add(Criteria.where(SEARCH_TEXT).regex(Pattern.quote(word)));
                }
            }
        }
        Query query = Query.query(new Criteria().andOperator(criteria));
        long total = store.count(query);
        query.with(Sort.by(TITLE, ID)).skip((long) page * size).limit(size);
        List<Versioned<Course>> items = store.find(query);
        return new PageView<>(items, page, size, total, (int) ((total + size - 1) / size));
    }

    /** Active courses covering any of the themes, by French title (at most 200). */
    List<Course> activeCovering(Collection<String> themes) {
        Query query = Query.query(Criteria.where(ACTIVE).is(true).and(THEMES).in(themes)).with(Sort.by(TITLE))
                .limit(200);
        return store.find(query).stream().map(Versioned::state).toList();
    }
}

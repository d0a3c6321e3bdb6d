package qc.esac.training.catalogue;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.training.Decimals;
import qc.esac.training.IdempotencyKeys;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The training catalogue: staff of a network manage its courses, everyone browses and searches them. */
@Service
public class CourseService {

    private final Courses courses;

    CourseService(Courses courses) {
        this.courses = courses;
    }

    /** Adds a course; a retry with the same idempotency key returns the course the first request created. */
    public Versioned<Course> create(EsacUser user, CourseDetails details, String idempotencyKey) {
        user.requireStaffOf(details.networkId());
        String id = IdempotencyKeys.idFor(user, "course", idempotencyKey);
        try {
            return courses.insert(id, details.toCourse(id, true));
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
        return courses.search(filter, page, size);
    }

    /** Active courses covering any of the themes (used to match training needs with the catalogue). */
    public List<Course> coveringThemes(Collection<String> themes) {
        if (themes.isEmpty()) {
            return List.of();
        }
        return courses.activeCovering(themes);
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

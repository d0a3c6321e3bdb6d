package qc.esac.membership.privacy;

import org.springframework.stereotype.Service;
import qc.esac.kit.domain.Change;
import qc.esac.kit.outbox.Versioned;
import qc.esac.kit.problem.FieldViolation;
import qc.esac.kit.problem.ForbiddenException;
import qc.esac.kit.problem.InvalidInputException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;
import qc.esac.membership.QuebecCalendar;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Each network's register of confidentiality incidents: kept and read by the network's own staff only. An
 * internal register, not a public fact: it publishes no event.
 */
@Service
public class PrivacyIncidentService {

    private final PrivacyIncidents incidents;
    private final Clock clock;

    PrivacyIncidentService(PrivacyIncidents incidents, Clock clock) {
        this.incidents = incidents;
        this.clock = clock;
    }

    public Versioned<PrivacyIncident> record(String networkId, PrivacyIncident.Details details, EsacUser user) {
        user.requireStaffOf(networkId);
        validate(details);
        PrivacyIncident incident = PrivacyIncident.record(UUID.randomUUID().toString(), networkId, details, user.id(),
                clock.instant());
        return incidents.insert(incident);
    }

    /** Replaces the details (the network stays); the change is audited. Staff of its network, before the version. */
    public Versioned<PrivacyIncident> amend(String id, long version, PrivacyIncident.Details details,
                                            EsacUser user) {
        requireStaff(user);
        return incidents.change(id, version, incident -> user.requireStaffOf(incident.networkId()), incident -> {
            validate(details);
            PrivacyIncident amended = incident.amend(details, user.id(), clock.instant());
            return amended == incident ? Change.unchanged() : Change.of(amended);
        });
    }

    public Versioned<PrivacyIncident> get(String id, EsacUser user) {
        requireStaff(user);
        Versioned<PrivacyIncident> incident = incidents.get(id);
        user.requireStaffOf(incident.state().networkId());
        return incident;
    }

    /** The incidents of the user's networks (or of one of them), most recent first. */
    public PageView<Versioned<PrivacyIncident>> list(String networkId, int page, int size, EsacUser user) {
        requireStaff(user);
        Set<String> networks = networkId == null ? user.networkIds() : Set.of(networkId);
        if (networkId != null) {
            user.requireStaffOf(networkId);
        }
        return incidents.ofNetworks(networks, page, size);
    }

    private static void requireStaff(EsacUser user) {
        if (!user.isStaff()) {
            throw new ForbiddenException("acces.refuse");
        }
    }

    private void validate(PrivacyIncident.Details details) {
        List<FieldViolation> problems = details.violations(QuebecCalendar.today(clock));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}

package qc.esac.membership.roster;

import qc.esac.events.membership.EmployeeAdded;
import qc.esac.events.membership.EmployeeLeft;
import qc.esac.events.membership.EmployeeUpdated;

import java.util.List;

/** The one place employee events are shaped: the whole entry after the change. */
final class RosterEvents {

    private RosterEvents() {
    }

    static EmployeeAdded added(Employee e) {
        Employee.Details d = e.details();
        return new EmployeeAdded(e.id(), e.organizationId(), d.firstName(), d.lastName(), d.workEmail(), d.jobTitle(),
                d.employmentStatus(), d.weeklyHours(), d.hireDate(), e.endDate(), e.userId());
    }

    static EmployeeUpdated updated(Employee e, List<String> changed) {
        Employee.Details d = e.details();
        return new EmployeeUpdated(e.id(), e.organizationId(), d.firstName(), d.lastName(), d.workEmail(),
                d.jobTitle(), d.employmentStatus(), d.weeklyHours(), d.hireDate(), e.endDate(), e.userId(), changed);
    }

    static EmployeeLeft left(Employee e) {
        Employee.Details d = e.details();
        return new EmployeeLeft(e.id(), e.organizationId(), d.firstName(), d.lastName(), d.workEmail(), d.jobTitle(),
                d.employmentStatus(), d.weeklyHours(), d.hireDate(), e.endDate(), e.userId(), e.departureReason());
    }

    /** Names of the event properties whose value differs between two versions of an entry. */
    static List<String> changes(Employee before, Employee after) {
        Employee.Details b = before.details();
        Employee.Details a = after.details();
        List<String> changed = new java.util.ArrayList<>();
        compare(changed, "firstName", b.firstName(), a.firstName());
        compare(changed, "lastName", b.lastName(), a.lastName());
        compare(changed, "workEmail", b.workEmail(), a.workEmail());
        compare(changed, "jobTitle", b.jobTitle(), a.jobTitle());
        compare(changed, "employmentStatus", b.employmentStatus(), a.employmentStatus());
        if (b.weeklyHours().compareTo(a.weeklyHours()) != 0) {
            changed.add("weeklyHours");
        }
        compare(changed, "hireDate", b.hireDate(), a.hireDate());
        compare(changed, "userId", before.userId(), after.userId());
        return changed;
    }

    private static void compare(List<String> changed, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            changed.add(name);
        }
    }
}

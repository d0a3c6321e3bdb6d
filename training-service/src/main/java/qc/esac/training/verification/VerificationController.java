package qc.esac.training.verification;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.training.VerificationCodes;
import qc.esac.training.pamt.PamtService;
import qc.esac.training.privacy.AccessLog;
import qc.esac.training.session.Registration;
import qc.esac.training.session.Session;
import qc.esac.training.session.SessionService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * Anyone (an employer, a professional order) checks an attestation or certificate by its code, without logging
 * in. The answer says only what the paper says: whose it is, for what, and when.
 */
@RestController
@RequestMapping("/api/training/verifications")
class VerificationController {

    private final SessionService sessions;
    private final PamtService pamt;
    private final AccessLog accessLog;

    VerificationController(SessionService sessions, PamtService pamt, AccessLog accessLog) {
        this.sessions = sessions;
        this.pamt = pamt;
        this.accessLog = accessLog;
    }

    @GetMapping("/{code}")
    @Operation(summary = "Vérifier un code d’attestation ou de certificat (sans jeton)",
            description = "Verify an attestation or certificate code (no login needed).")
    Verification verify(@PathVariable String code) {
        String normalized = VerificationCodes.normalize(code);
        return attestation(normalized).or(() -> apprenticeship(normalized))
                .orElseThrow(() -> new NotFoundException("verification.code-inconnu", normalized));
    }

    private Optional<Verification> attestation(String code) {
        return sessions.sessionWithAttestation(code).flatMap(session -> session.registrations().stream()
                .filter(r -> r.attestation() != null && r.attestation().verificationCode().equals(code))
                .findFirst().map(r -> of(session, r)));
    }

    private Optional<Verification> apprenticeship(String code) {
        return pamt.agreementWithCode(code).flatMap(agreement -> {
            // The holder's name is shown to whoever has the code: the read is logged for the holder.
            accessLog.anonymousRead(agreement.apprentice().employeeId(), agreement.organizationId(), "verification",
                    "/verifications/" + code);
            String holder = agreement.apprentice().fullName();
            Locale locale = LocaleContextHolder.getLocale();
            String standard = agreement.standardTitleText().in(locale);
            if (agreement.certificate() != null && agreement.certificate().verificationCode().equals(code)) {
                return Optional.of(new Verification(true, Kind.PAMT_QUALIFICATION_CERTIFICATE, code, holder,
                        standard, agreement.networkId(), agreement.signedOn(), agreement.endedOn(),
                        null, null, agreement.certificate().issuedOn()));
            }
            return agreement.competencies().stream().filter(c -> code.equals(c.verificationCode())).findFirst()
                    .map(c -> new Verification(true, Kind.PAMT_COMPETENCY_ATTESTATION, code, holder,
                            standard + ("en".equals(locale.getLanguage()) ? ": " : " : ")
                                    + c.titleText().in(locale), agreement.networkId(),
                            agreement.signedOn(), null, null, null, c.attestedOn()));
        });
    }

    private Verification of(Session session, Registration r) {
        accessLog.anonymousRead(r.participant().personId(), r.organizationId(), "verification",
                "/verifications/" + r.attestation().verificationCode());
        return new Verification(true, Kind.TRAINING_ATTESTATION, r.attestation().verificationCode(),
                r.participant().fullName(), session.courseTitle(LocaleContextHolder.getLocale()),
                session.networkId(), session.startDate(), session.endDate(), r.attestation().hours(),
                r.attestation().uec(), r.attestation().issuedOn());
    }

    enum Kind { TRAINING_ATTESTATION, PAMT_COMPETENCY_ATTESTATION, PAMT_QUALIFICATION_CERTIFICATE }

    record Verification(boolean valid, Kind kind, String code, String holder, String title, String networkId,
                        LocalDate startDate, LocalDate endDate, BigDecimal hours, BigDecimal uec,
                        LocalDate issuedOn) {
    }
}

package qc.esac.fault;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What counts as a broken promise in the report. */
class VerdictTest {

    private static Effects.Tally clean() {
        return new Effects.Tally(10, 1, 10, 0, Map.of("training-service", 10, "insurance-service", 10),
                Map.of("training-service", 0, "insurance-service", 0),
                Map.of("training-service", 0, "insurance-service", 0), 0, 0, List.of(),
                Map.of("membership", new Effects.KindTally(2, 2, 2, 0, 0, Map.of(
                        "membership-service", Map.of(CommandKind.Outcome.FOUND, 2, CommandKind.Outcome.LOST, 0),
                        "training-service", Map.of(CommandKind.Outcome.FOUND, 2, CommandKind.Outcome.LOST, 0),
                        "insurance-service", Map.of(CommandKind.Outcome.FOUND, 2, CommandKind.Outcome.LOST, 0)))));
    }

    @Test
    void aCleanRunBreaksNothing() {
        assertThat(FaultSuite.verdict(clean(), Map.of("membership-service", 0.0),
                Map.of("3 store pause", Map.of("french", true, "recoverySeconds", 1.5, "slowestProbeMillis", 3_100))))
                .isEmpty();
    }

    @Test
    void lossesDuplicatesDisorderBacklogAndSlowOrEnglishAnswersAreReported() {
        Effects.Tally bad = new Effects.Tally(10, 0, 9, 1, Map.of("training-service", 8, "insurance-service", 9),
                Map.of("training-service", 2, "insurance-service", 1),
                Map.of("training-service", 1, "insurance-service", 0), 1, 0, List.of(),
                Map.of("membership", new Effects.KindTally(3, 3, 0, 0, 1, Map.of("membership-service",
                                Map.of(CommandKind.Outcome.FOUND, 1, CommandKind.Outcome.DUPLICATED, 1,
                                        CommandKind.Outcome.OUT_OF_ORDER, 1),
                                "training-service", Map.of(CommandKind.Outcome.FOUND, 3),
                                "insurance-service", Map.of(CommandKind.Outcome.FOUND, 2,
                                        CommandKind.Outcome.LOST, 1))),
                        "roster", new Effects.KindTally(2, 0, 0, 2, 0, Map.of("membership-service", Map.of())),
                        "roster changes", new Effects.KindTally(2, 2, 2, 0, 0, Map.of(
                                "training-service", Map.of(CommandKind.Outcome.OUT_OF_ORDER, 1,
                                        CommandKind.Outcome.FOUND, 1),
                                "insurance-service", Map.of(CommandKind.Outcome.DUPLICATED, 2)))));

        List<String> broken = FaultSuite.verdict(bad, Map.of("membership-service", 3.0), Map.of(
                "3 store pause", Map.of("french", false, "recoverySeconds", -1, "slowestProbeMillis", 30_000),
                "5 poison", Map.of("noLoop", false, "ownDeadLettersOnly", false,
                        "afterAFix", Map.of("fixedRecordDeadLettered", true, "fixedRecordProcessedByReplay", false)),
                "6 gateway under failure", Map.of("breakerOpened", true, "breakerClosedAgain", false)));

        assertThat(broken).contains("accepted commands missing in membership: 1", "duplicated in membership: 1",
                "lost in training-service: 2", "out of order in training-service: 1", "lost in insurance-service: 1",
                "retried commands not answered with their first answer: 1",
                "outbox of membership-service not empty: 3.0", "3 store pause: french is false",
                "3 store pause: recoverySeconds never", "5 poison: noLoop is false",
                "5 poison: ownDeadLettersOnly is false", "6 gateway under failure: breakerClosedAgain is false");
        assertThat(broken).contains("membership: duplicated in membership-service: 1",
                "membership: out of order in membership-service: 1",
                "membership: retried steps not answered with their first answer: 1", "roster: no command was accepted",
                "membership: no command completed every step", "membership: lost in insurance-service: 1",
                "roster changes: out of order in training-service: 1",
                "roster changes: duplicated in insurance-service: 2");
        assertThat(broken).noneMatch(line -> line.startsWith("out of order in insurance-service")
                || line.startsWith("membership: lost in training-service"));
        assertThat(clean().clean()).isTrue();
        assertThat(bad.clean()).isFalse();
        assertThat(broken).contains("5 poison afterAFix: fixedRecordProcessedByReplay is false");
        assertThat(broken).noneMatch(line -> line.contains("breakerOpened") || line.contains("fixedRecordDeadLettered"));
        assertThat(broken).anyMatch(line -> line.contains("waited 30000 ms"));
    }

    @Test
    void aRegistrationRefusedToItsClientIsAReplayMissButOneTheClientGaveUpOnIsNot() {
        Driver.Flow refused = new Driver.Flow(1, "Faute x 000001", "1000000001");
        refused.refused = "POST 409 {\"code\":\"organisation.deja-inscrite\"}";
        Driver.Flow gaveUp = new Driver.Flow(2, "Faute x 000002", "1000000002");
        gaveUp.refused = "POST: no final answer within 240 s";
        Driver.Flow accepted = new Driver.Flow(3, "Faute x 000003", "1000000003");
        accepted.id = "o3";

        assertThat(Effects.replayMissed(refused, 1)).isTrue();
        assertThat(Effects.replayMissed(refused, 0)).isFalse();
        assertThat(Effects.replayMissed(gaveUp, 1)).isFalse();
        assertThat(gaveUp.gaveUp()).isTrue();
        assertThat(Effects.replayMissed(accepted, 1)).isFalse();
    }
}

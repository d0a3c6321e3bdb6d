package qc.esac.kit.messaging;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import qc.esac.kit.problem.NotFoundException;
import qc.esac.kit.security.EsacUser;
import qc.esac.kit.web.PageView;

import java.util.List;

/**
 * Operator endpoints (network staff only) for the dead letters of the topics this service consumes:
 * list them, replay one, replay all. Under {@code <esac.api.base-path>/ops/dead-letters}.
 */
@RestController
@Validated
@RequestMapping("${esac.api.base-path:/api}/ops/dead-letters")
@PreAuthorize("hasRole('STAFF')")
public class DeadLetterController {

    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping
    @Operation(summary = "Lister les sujets de lettres mortes et leur nombre d’enregistrements",
            description = "List the dead-letter topics of the topics this service consumes, with their record counts "
            + "(network staff).")
    public List<TopicView> topics() {
        return deadLetters.topics().stream().map(topic -> new TopicView(topic, deadLetters.list(topic).size())).toList();
    }

    @GetMapping("/{topic}")
    @Operation(summary = "Lister les lettres mortes d’un sujet",
            description = "List a dead-letter topic's records (network staff).")
    public PageView<DeadLetter> list(@PathVariable String topic,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return PageView.of(known(topic, () -> deadLetters.list(topic)), page, size);
    }

    @PostMapping("/{topic}/{partition}/{offset}/replay")
    @Operation(summary = "Rejouer une lettre morte",
            description = "Replay one dead letter on its original topic (network staff).")
    public DeadLetter replay(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset,
                             EsacUser user) {
        return known(topic, () -> deadLetters.replay(topic, partition, offset, user.id()))
                .orElseThrow(() -> new NotFoundException("lettre-morte.introuvable", topic, partition, offset));
    }

    @PostMapping("/{topic}/replay")
    @Operation(summary = "Rejouer toutes les lettres mortes d’un sujet",
            description = "Replay every dead letter of a topic on its original topic (network staff).")
    public ReplayReport replayAll(@PathVariable String topic, EsacUser user) {
        return new ReplayReport(known(topic, () -> deadLetters.replayAll(topic, user.id())));
    }

    private static <T> T known(String topic, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (DeadLetters.UnknownDeadLetterTopicException e) {
            throw new NotFoundException("lettre-morte.sujet-inconnu", topic);
        }
    }

    public record TopicView(String topic, int records) {
    }

    public record ReplayReport(int replayed) {
    }
}

package qc.esac.kit.support;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.validation.annotation.Validated;

/** A {@code @Validated} application service: its violations surface as ConstraintViolationException. */
@Validated
public class TestService {

    public String register(@NotBlank @Size(max = 10) String name) {
        return name;
    }
}

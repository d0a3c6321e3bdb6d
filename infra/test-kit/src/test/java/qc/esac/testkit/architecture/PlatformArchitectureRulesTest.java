package qc.esac.testkit.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import qc.esac.testkit.architecture.fixtures.bad.PublicController;
import qc.esac.testkit.architecture.fixtures.bad.RecordWithBson;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared rules catch what they are meant to, and let the platform's way through. */
class PlatformArchitectureRulesTest {

    private static final JavaClasses BAD = new ClassFileImporter().importClasses(PublicController.class,
            RecordWithBson.class);
    private static final JavaClasses GOOD = new ClassFileImporter()
            .importPackages("qc.esac.testkit.architecture.fixtures.good");

    @Test
    void aPublicControllerBreaksTheRule() {
        assertThat(PlatformArchitecture.controllersArePackagePrivate.evaluate(BAD).hasViolation()).isTrue();
        assertThat(GOOD.stream().filter(c -> c.getSimpleName().equals("HiddenController"))).hasSize(1);
        assertThat(PlatformArchitecture.controllersArePackagePrivate.evaluate(GOOD).hasViolation()).isFalse();
    }

    @Test
    void aRecordHoldingBsonBreaksTheRule() {
        assertThat(PlatformArchitecture.recordsAreFreeOfSpringBsonAndDrivers.evaluate(BAD).hasViolation()).isTrue();
        assertThat(PlatformArchitecture.recordsAreFreeOfSpringBsonAndDrivers.evaluate(GOOD).hasViolation()).isFalse();
    }
}

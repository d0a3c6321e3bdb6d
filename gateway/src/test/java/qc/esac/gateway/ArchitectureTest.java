package qc.esac.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import qc.esac.testkit.architecture.GatewayArchitecture;

@AnalyzeClasses(packages = "qc.esac.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests gateway = ArchTests.in(GatewayArchitecture.class);

    /** Its SecureRandom is shared behind a lock: JFR saw event-loop threads wait 45 ms on it under load. */
    @ArchTest
    static final ArchRule noSecureRandomOnTheEventLoop = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noClasses().should().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callConstructor(java.security.SecureRandom.class)
            .because("request ids and the like are made on the event loop, where no thread may wait for another");
}

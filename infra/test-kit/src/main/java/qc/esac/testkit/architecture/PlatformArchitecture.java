package qc.esac.testkit.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's architecture rules, checked in every service by extending {@link PlatformArchitectureTest}.
 * Annotations are named, not imported, so that the rules load in the reactive gateway as in the servlet services.
 */
public final class PlatformArchitecture {

    /** Own your data, talk in events: a service never reaches into another service's code. */
    @ArchTest
    public static final ArchRule servicesDoNotDependOnEachOther = slices()
            .matching("qc.esac.(membership|training|insurance|projects|gateway)..")
            .should().notDependOnEachOther()
            .because("services share nothing but events and the infra kits")
            .allowEmptyShould(true);

    /** Features are folders that can be understood, and later moved, one at a time. */
    @ArchTest
    public static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("qc.esac.(*).(*)..")
            .should().beFreeOfCycles()
            .allowEmptyShould(true);

    /**
     * Records are the model, commands, events and views: plain Java, so the rules they carry are tested
     * without Spring and survive a change of framework or of store (no BSON, no MongoDB or Kafka driver types).
     */
    @ArchTest
    public static final ArchRule recordsAreFreeOfSpringBsonAndDrivers = classes()
            .that().areRecords()
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..", "org.bson..",
                    "com.mongodb..", "org.apache.kafka..")
            .because("domain records are plain Java")
            .allowEmptyShould(true);

    /** A feature's web adapter is its own business: other features call its service, never its controller. */
    @ArchTest
    public static final ArchRule controllersArePackagePrivate = classes()
            .that().areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
            .or().areAnnotatedWith("org.springframework.stereotype.Controller")
            .should().notBePublic()
            .because("controllers are internals of their feature")
            .allowEmptyShould(true);

    private PlatformArchitecture() {
    }
}

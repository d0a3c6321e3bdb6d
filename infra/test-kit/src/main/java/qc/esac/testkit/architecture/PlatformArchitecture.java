package qc.esac.testkit.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The platform's architecture rules, checked in every service with
 * {@code @ArchTest static final ArchTests platform = ArchTests.in(PlatformArchitecture.class);}.
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
     * without Spring and survive a change of framework.
     */
    @ArchTest
    public static final ArchRule recordsAreFreeOfSpring = classes()
            .that().areRecords()
            .should().onlyDependOnClassesThat().resideOutsideOfPackages("org.springframework..")
            .allowEmptyShould(true);

    private PlatformArchitecture() {
    }
}

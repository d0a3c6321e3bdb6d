package qc.esac.testkit.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The gateway's rules: reactive all the way, no service's code in it, controllers package-private, packages free
 * of cycles. The services' rules on records and features do not apply as such: the gateway has no domain (its
 * records are configuration properties and HTTP problems, Spring types by nature) and its packages are technical
 * layers (configuration, edge filters, problem rendering, routing, security, rate limits), not features; layers
 * that depend on each other in a circle could not be understood, or changed, one at a time either.
 */
public final class GatewayArchitecture {

    @ArchTest
    public static final ArchRule controllersArePackagePrivate = PlatformArchitecture.controllersArePackagePrivate;

    @ArchTest
    public static final ArchRule servicesDoNotDependOnEachOther = PlatformArchitecture.servicesDoNotDependOnEachOther;

    @ArchTest
    public static final ArchRule packagesAreFreeOfCycles = slices()
            .matching("qc.esac.gateway.(*)..")
            .should().beFreeOfCycles();

    /** A blocking servlet call would hold one of the few event-loop threads every request shares. */
    @ArchTest
    public static final ArchRule gatewayIsReactive = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..")
            .because("the gateway runs on WebFlux; servlet types would be blocking or would not run");

    /** The gateway routes to services over HTTP; it knows neither their code nor the servlet service kit. */
    @ArchTest
    public static final ArchRule gatewayKnowsNoServiceCode = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("qc.esac.membership..", "qc.esac.training..",
                    "qc.esac.insurance..", "qc.esac.projects..", "qc.esac.kit..")
            .because("services are reached through routes only");

    private GatewayArchitecture() {
    }
}

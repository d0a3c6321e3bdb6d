package qc.esac.testkit.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/**
 * The platform's architecture rules ({@link PlatformArchitecture}), run by every service module as
 * <pre>{@code
 * @AnalyzeClasses(packages = "qc.esac.training", importOptions = ImportOption.DoNotIncludeTests.class)
 * class ArchitectureTest extends PlatformArchitectureTest {}
 * }</pre>
 */
public abstract class PlatformArchitectureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(PlatformArchitecture.class);
}

package qc.esac.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import qc.esac.testkit.architecture.GatewayArchitecture;
import qc.esac.testkit.architecture.PlatformArchitectureTest;

@AnalyzeClasses(packages = "qc.esac.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {

    @ArchTest
    static final ArchTests gateway = ArchTests.in(GatewayArchitecture.class);
}

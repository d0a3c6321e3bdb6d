package qc.esac.gateway;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import qc.esac.testkit.architecture.GatewayArchitecture;

@AnalyzeClasses(packages = "qc.esac.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests gateway = ArchTests.in(GatewayArchitecture.class);
}

package qc.esac.insurance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import qc.esac.testkit.architecture.PlatformArchitecture;

@AnalyzeClasses(packages = "qc.esac.insurance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests platform = ArchTests.in(PlatformArchitecture.class);
}

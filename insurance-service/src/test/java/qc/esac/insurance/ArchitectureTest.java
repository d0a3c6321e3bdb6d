package qc.esac.insurance;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import qc.esac.testkit.architecture.PlatformArchitectureTest;

@AnalyzeClasses(packages = "qc.esac.insurance", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest extends PlatformArchitectureTest {
}

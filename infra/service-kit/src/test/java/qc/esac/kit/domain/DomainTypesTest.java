package qc.esac.kit.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

/** The services' domain models return these types, so they must stay as free of frameworks as the models. */
class DomainTypesTest {

    @Test
    void domainTypesDependOnlyOnJavaAndTheEventContracts() {
        JavaClasses domain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("qc.esac.kit.domain");
        classes().should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "qc.esac.events..", "qc.esac.kit.domain..")
                .check(domain);
    }
}

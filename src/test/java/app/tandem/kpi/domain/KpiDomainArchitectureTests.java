package app.tandem.kpi.domain;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The KPI domain stays plain Java, like the OKR domain. */
class KpiDomainArchitectureTests {

	static final JavaClasses DOMAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.tandem.kpi.domain");

	@Test
	void domainUsesNoFrameworkSqlOrWebTypes() {
		noClasses().that().doNotHaveSimpleName("package-info")
			.should().dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "tools.jackson..",
					"com.fasterxml..")
			.check(DOMAIN);
	}
}

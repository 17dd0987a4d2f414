package app.tandem.coach.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The coach's rules stay plain Java, like the OKR and KPI domains: lint runs them without Spring. */
class CoachDomainArchitectureTests {

	static final JavaClasses DOMAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.tandem.coach.domain");

	@Test
	void domainUsesNoFrameworkSqlOrWebTypes() {
		noClasses().that().doNotHaveSimpleName("package-info")
			.should().dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "jakarta..", "tools.jackson..",
					"com.fasterxml..")
			.check(DOMAIN);
	}

	@Test
	void theRuleSeesTheRules() {
		assertThat(DOMAIN.stream().map(JavaClass::getSimpleName)).contains("Coach", "NumberInTitle", "StandaloneKpi")
			.doesNotContain(getClass().getSimpleName());
	}
}

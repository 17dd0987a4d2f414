package app.tandem.okr.domain;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Every domain package (okr, kpi, coach, assessment), the forecasts' arithmetic and the TOTP code are plain
 * Java: no Spring, SQL, Jakarta or Jackson types. One rule for all of them, shown here to be able to
 * fail (the leaks below live in okr.domain's test classes).
 */
class DomainArchitectureTests {

	private static final String[] PLAIN = { "app.tandem..domain..", "app.tandem.shared.math..",
			"app.tandem.identity.totp.." };

	private static final String[] FORBIDDEN = { "org.springframework..", "java.sql..", "javax.sql..", "jakarta..",
			"tools.jackson..", "com.fasterxml.." };

	private static final String PACKAGE_INFO = "package-info";

	/** Every class of the domain except package-info: none of the forbidden packages. */
	private static final ArchRule PLAIN_JAVA = noClasses().that()
		.resideInAnyPackage(PLAIN)
		.and()
		.doNotHaveSimpleName(PACKAGE_INFO)
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(FORBIDDEN)
		.because("the domain arithmetic must stay free of frameworks, persistence and serialisation");

	/** package-info may carry Spring Modulith's annotations (@NamedInterface), and nothing else of those packages. */
	private static final ArchRule PACKAGE_INFO_ONLY_MODULITH = noClasses().that()
		.resideInAnyPackage(PLAIN)
		.and()
		.haveSimpleName(PACKAGE_INFO)
		.should()
		.dependOnClassesThat(resideInAnyPackage(FORBIDDEN).and(not(resideInAPackage("org.springframework.modulith.."))))
		.because("package-info only declares the module's named interface");

	private static final JavaClasses DOMAIN_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.tandem.okr.domain", "app.tandem.kpi.domain", "app.tandem.coach.domain",
				"app.tandem.shared.math", "app.tandem.identity.totp", "app.tandem.assessment.domain");

	@Test
	void domainClassesDependOnNoFrameworkPersistenceOrSerialisationTypes() {
		PLAIN_JAVA.check(DOMAIN_CLASSES);
	}

	@Test
	void packageInfoUsesNothingButSpringModulith() {
		PACKAGE_INFO_ONLY_MODULITH.check(DOMAIN_CLASSES);
	}

	@Test
	void theRulesSeeTheDomainClassesAndNoTests() {
		assertThat(DOMAIN_CLASSES.stream().map(JavaClass::getSimpleName)).contains("KeyResultProgress",
				"ObjectiveRollup", "KpiForecast", "NumberInTitle", "LeastSquares", "Totp", PACKAGE_INFO)
			.doesNotContain(getClass().getSimpleName(), SpringLeak.class.getSimpleName());
	}

	static Stream<Class<?>> leaks() {
		return Stream.of(SpringLeak.class, SqlLeak.class, DataSourceLeak.class, JakartaLeak.class, JacksonLeak.class,
				FasterxmlLeak.class);
	}

	/** The rule can fail: a class of the domain package with any forbidden dependency violates it. */
	@ParameterizedTest
	@MethodSource("leaks")
	void aDomainClassWithAForbiddenDependencyViolatesTheRule(Class<?> leak) {
		JavaClasses classes = new ClassFileImporter().importClasses(leak);

		assertThat(PLAIN_JAVA.evaluate(classes).hasViolation()).as(leak.getName()).isTrue();
	}

	@Test
	void aDomainClassWithAModulithDependencyViolatesTheRuleOutsidePackageInfo() {
		JavaClasses classes = new ClassFileImporter().importClasses(ModulithLeak.class);

		assertThat(PLAIN_JAVA.evaluate(classes).hasViolation()).isTrue();
	}

	// Test classes of the domain package that break the rule on purpose (the real check excludes tests).

	static class SpringLeak {

		org.springframework.util.StopWatch watch;
	}

	static class SqlLeak {

		java.sql.Timestamp at;
	}

	static class DataSourceLeak {

		javax.sql.DataSource dataSource;
	}

	static class JakartaLeak {

		@jakarta.validation.constraints.NotNull
		String title;
	}

	static class JacksonLeak {

		tools.jackson.databind.ObjectMapper mapper;
	}

	static class FasterxmlLeak {

		@com.fasterxml.jackson.annotation.JsonProperty("title")
		String title;
	}

	@org.springframework.modulith.NamedInterface("leak")
	static class ModulithLeak {
	}
}

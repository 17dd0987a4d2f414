package app.tandem.okr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.ObjectiveStore;

/**
 * A module's top package is what other modules may call: commands, views, events and services. Rows, stores and
 * filters of a {@code persistence} package stay behind it, so no public member of a public type there names one,
 * not even inside a generic type ({@code List<ObjectiveRow>}).
 */
public class ModuleApiArchitectureTests {

	/** {@code app.tandem.<module>}: a module's top package. */
	private static final String TOP_PACKAGE = "app\\.tandem\\.[a-z]+";

	private static final DescribedPredicate<JavaMember> EXPORTED = DescribedPredicate.describe(
			"public members of public types in a module's top package",
			member -> member.getModifiers().contains(JavaModifier.PUBLIC) && exported(member.getOwner()));

	private static final ArchCondition<JavaMember> NAME_NO_PERSISTENCE_TYPE = new ArchCondition<>(
			"name no type of a persistence package") {

		@Override
		public void check(JavaMember member, ConditionEvents events) {
			Set<String> leaked = involvedTypes(member).stream()
				.filter(type -> type.getPackageName().contains(".persistence"))
				.map(JavaClass::getSimpleName)
				.collect(Collectors.toCollection(java.util.TreeSet::new));
			if (!leaked.isEmpty()) {
				events.add(SimpleConditionEvent.violated(member, member.getFullName() + " names " + leaked));
			}
		}
	};

	static final ArchRule PERSISTENCE_STAYS_BEHIND_THE_API = members().that(EXPORTED)
		.should(NAME_NO_PERSISTENCE_TYPE)
		.because("other modules call a module through its top package, and a row or store there would tie them to its tables");

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.tandem");

	@Test
	void noPublicMemberOfAModulesTopPackageNamesAPersistenceType() {
		PERSISTENCE_STAYS_BEHIND_THE_API.check(MAIN);
	}

	@Test
	void theRuleSeesTheModulesApis() {
		assertThat(MAIN.stream().filter(ModuleApiArchitectureTests::exported).map(JavaClass::getSimpleName))
			.contains("Objectives", "KeyResults", "Cycles", "ObjectiveFilter", "ObjectiveView", "AuditTrail", "AuditLog")
			.doesNotContain("ObjectiveStore", "OkrEvaluations");
	}

	/** The rule can fail: each way a member can name a row or a store is a violation. */
	@Test
	void aRowOrStoreInAnyPartOfAPublicSignatureViolatesTheRule() {
		JavaClasses leaks = new ClassFileImporter().importClasses(Leaks.class, Leaks.Nested.class, Hidden.class);

		List<String> violations = PERSISTENCE_STAYS_BEHIND_THE_API.evaluate(leaks).getFailureReport().getDetails();

		assertThat(violations).hasSize(5)
			.anyMatch(v -> v.contains("Leaks.row()"))
			.anyMatch(v -> v.contains("Leaks.rows(java.lang.String)"))
			.anyMatch(v -> v.contains("Leaks.list(app.tandem.okr.persistence.ObjectiveStore$Filter)"))
			.anyMatch(v -> v.contains("Leaks.store"))
			.anyMatch(v -> v.contains("Leaks$Nested.<init>"))
			.noneMatch(v -> v.contains("Hidden") || v.contains("internal"));
	}

	private static boolean exported(JavaClass type) {
		return type.getPackageName().matches(TOP_PACKAGE) && type.getModifiers().contains(JavaModifier.PUBLIC)
				&& type.getEnclosingClass().map(ModuleApiArchitectureTests::exported).orElse(true);
	}

	private static Set<JavaClass> involvedTypes(JavaMember member) {
		Stream<JavaType> types = Stream.empty();
		if (member instanceof JavaField field) {
			types = Stream.of(field.getType());
		}
		else if (member instanceof JavaCodeUnit unit) {
			types = Stream.concat(Stream.of(unit.getReturnType()), unit.getParameterTypes().stream());
		}
		return types.flatMap(type -> type.getAllInvolvedRawTypes().stream()).collect(Collectors.toSet());
	}

	// Types of okr's top package that break the rule on purpose (the real check excludes tests).

	public static class Leaks {

		public ObjectiveStore store;

		public ObjectiveRow row() {
			return null;
		}

		public Set<List<ObjectiveRow>> rows(String cycle) {
			return Set.of();
		}

		public List<String> list(ObjectiveStore.Filter filter) {
			return List.of();
		}

		ObjectiveRow internal() {
			return null;
		}

		public static class Nested {

			public Nested(ObjectiveRow row) {
			}
		}
	}

	static class Hidden {

		public ObjectiveRow row() {
			return null;
		}
	}
}

package app.tandem.okr;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import app.tandem.okr.persistence.CheckInStore;
import app.tandem.okr.persistence.KeyResultStore;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * One check-in path (issue 15): every way a check-in is written (the API, the page, an OKR file, the KPI that
 * measures a key result, the demo) goes through {@link KeyResults} to {@link CheckInRecorder}, the only class that
 * stores a check-in, moves the key result's derived fields by one, or tells other modules of it. A fourth path
 * that writes a check-in another way fails here.
 */
class CheckInPathArchitectureTests {

	private static final JavaClasses TANDEM = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("app.tandem");

	private static final String RECORDER = CheckInRecorder.class.getName();

	/** Stores a check-in row, or moves a key result's fields by one check-in. */
	private static final DescribedPredicate<JavaMethodCall> WRITES_A_CHECK_IN = new DescribedPredicate<>(
			"store a check-in or apply one to its key result") {
		@Override
		public boolean test(JavaMethodCall call) {
			String owner = call.getTargetOwner().getName();
			String name = call.getName();
			return owner.equals(CheckInStore.class.getName()) && name.startsWith("insert")
					|| owner.equals(KeyResultStore.class.getName()) && name.equals("applyCheckIn");
		}
	};

	@Test
	void onlyTheRecorderWritesCheckIns() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(RECORDER)
			.should()
			.callMethodWhere(WRITES_A_CHECK_IN)
			.check(TANDEM);
		// and the rule above is about something: the recorder does
		classes().that().haveFullyQualifiedName(RECORDER).should().callMethodWhere(WRITES_A_CHECK_IN).check(TANDEM);
	}

	@Test
	void onlyTheRecorderTellsOtherModulesOfACheckIn() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(RECORDER)
			.should()
			.callConstructorWhere(DescribedPredicate.describe("of KeyResultCheckedIn",
					call -> call.getTargetOwner().isEquivalentTo(KeyResultCheckedIn.class)))
			.check(TANDEM);
	}

	@Test
	void everyPathReachesTheRecorderThroughKeyResults() {
		noClasses().that()
			.doNotHaveFullyQualifiedName(KeyResults.class.getName())
			.and()
			.doNotHaveFullyQualifiedName(RECORDER)
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName(RECORDER)
			.check(TANDEM);
	}
}

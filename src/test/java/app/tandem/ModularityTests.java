package app.tandem;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules use each other only through their top packages (and named interfaces), without cycles. */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void modulesAreDocumented() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}

package app.tandem.identity;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Rights are the union over memberships; leading a team leads every team below it. */
class RightsTests {

	private final UUID company = UUID.randomUUID();

	private final UUID product = UUID.randomUUID();

	private final UUID mobile = UUID.randomUUID();

	private final UUID web = UUID.randomUUID();

	private final UUID sales = UUID.randomUUID();

	private final Map<UUID, UUID> parents = new HashMap<>(Map.of(product, company, mobile, product, web, product,
			sales, company));

	private final UUID user = UUID.randomUUID();

	@Test
	void aLeadLeadsTheTeamAndEveryTeamBelowButNotAboveOrBeside() {
		Rights rights = Rights.of(user, false, Map.of(product, Role.LEAD), parents);
		assertThat(rights.leads(product)).isTrue();
		assertThat(rights.leads(mobile)).isTrue();
		assertThat(rights.leads(web)).isTrue();
		assertThat(rights.leads(company)).isFalse();
		assertThat(rights.leads(sales)).isFalse();
		assertThat(rights.leads(null)).as("no team: company-wide, admins only").isFalse();
		assertThat(rights.contributes()).isTrue();
		assertThat(rights.admin()).isFalse();
	}

	@Test
	void rightsAreTheUnionOverMemberships() {
		Rights rights = Rights.of(user, false, Map.of(mobile, Role.VIEWER, sales, Role.LEAD), parents);
		assertThat(rights.leads(sales)).isTrue();
		assertThat(rights.leads(mobile)).isFalse();
		assertThat(rights.contributes()).isTrue();
	}

	@Test
	void viewersAndPeopleInNoTeamOnlyRead() {
		assertThat(Rights.of(user, false, Map.of(mobile, Role.VIEWER), parents).contributes()).isFalse();
		assertThat(Rights.of(user, false, Map.of(), parents).contributes()).isFalse();
		assertThat(Rights.of(user, false, Map.of(mobile, Role.MEMBER), parents).leads(mobile)).isFalse();
	}

	@Test
	void anAdminFlagOrAdminRoleAnywhereIsEverything() {
		for (Rights rights : new Rights[] { Rights.of(user, true, Map.of(), parents),
				Rights.of(user, false, Map.of(sales, Role.ADMIN), parents) }) {
			assertThat(rights.admin()).isTrue();
			assertThat(rights.leads(mobile)).isTrue();
			assertThat(rights.leads(null)).isTrue();
			assertThat(rights.contributes()).isTrue();
		}
	}
}

package app.tandem.comment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MentionsTests {

	@Test
	void findsMentionsButNotAddressesOrTheFullStopAfterThem() {
		assertThat(Mentions.in("@ann please look, cc @bob.lee and @carol@acme.org.")).containsExactly("ann", "bob.lee",
				"carol@acme.org");
		assertThat(Mentions.in("write to ann@acme.org or to team@")).isEmpty();
		assertThat(Mentions.in("(@dan) @dan again, @")).containsExactly("dan");
	}
}

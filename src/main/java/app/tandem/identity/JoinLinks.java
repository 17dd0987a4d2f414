package app.tandem.identity;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The address of an invitation, as the person receiving it opens it: from the request that made it. */
public final class JoinLinks {

	private JoinLinks() {
	}

	public static String url(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath().path("/join/{token}").buildAndExpand(token)
			.toUriString();
	}
}

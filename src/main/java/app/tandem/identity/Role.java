package app.tandem.identity;

/** A user's role in one team (SPEC §1); rights are the union over a user's memberships. */
public enum Role {
	ADMIN, LEAD, MEMBER, VIEWER
}

package app.tandem.okr;

import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import app.tandem.okr.domain.Level;
import app.tandem.okr.persistence.KeyResultRow;
import app.tandem.okr.persistence.ObjectiveRow;
import app.tandem.okr.persistence.Sight;
import app.tandem.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change which OKRs (SPEC §1): admins everything; leads the objectives (with their key
 * results) of their teams and the teams below; anyone who contributes (not a viewer) their own
 * individual objectives; and a key result's owner may check in on it.
 */
@Component
class OkrAccess {

	private final IdentityApi identity;

	OkrAccess(IdentityApi identity) {
		this.identity = identity;
	}

	static boolean mayManage(Rights rights, Level level, UUID teamId, UUID ownerId) {
		return rights.leads(teamId)
				|| (level == Level.INDIVIDUAL && rights.userId().equals(ownerId) && rights.contributes());
	}

	boolean mayManage(Caller caller, Level level, UUID teamId, UUID ownerId) {
		return mayManage(identity.rightsOf(caller), level, teamId, ownerId);
	}

	/** What the caller may see: admins everything. */
	Sight sightOf(Caller caller) {
		return sight(identity.rightsOf(caller));
	}

	private static Sight sight(Rights rights) {
		return rights.admin() ? Sight.ALL : new Sight(false, rights.userId(), rights.ledTeams());
	}

	/** A private objective the caller may not see does not exist for them: 404, not 403. */
	void requireVisible(Caller caller, ObjectiveRow objective) {
		requireVisible(identity.rightsOf(caller), objective);
	}

	private static void requireVisible(Rights rights, ObjectiveRow objective) {
		if (!sight(rights).sees(objective)) {
			throw new NotFoundException("objective", objective.id());
		}
	}

	void requireManage(Caller caller, Level level, UUID teamId, UUID ownerId) {
		requireManage(identity.rightsOf(caller), level, teamId, ownerId);
	}

	private static void requireManage(Rights rights, Level level, UUID teamId, UUID ownerId) {
		if (!mayManage(rights, level, teamId, ownerId)) {
			throw new AccessDeniedException("Only an admin, a lead of the team, or the owner of an individual"
					+ " objective may change it");
		}
	}

	/** One reading of the caller's rights for both checks: first whether it exists for them, then the change. */
	void requireManage(Caller caller, ObjectiveRow objective) {
		Rights rights = identity.rightsOf(caller);
		requireVisible(rights, objective);
		requireManage(rights, objective.level(), objective.teamId(), objective.ownerId());
	}

	void requireCheckIn(Caller caller, ObjectiveRow objective, KeyResultRow keyResult) {
		Rights rights = identity.rightsOf(caller);
		requireVisible(rights, objective);
		boolean owner = rights.userId().equals(keyResult.ownerId()) && rights.contributes();
		if (!owner && !mayManage(rights, objective.level(), objective.teamId(), objective.ownerId())) {
			throw new AccessDeniedException("Only the key result's owner, a lead of the team or an admin may check in");
		}
	}
}

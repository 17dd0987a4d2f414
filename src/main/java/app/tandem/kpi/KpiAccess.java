package app.tandem.kpi;

import java.util.UUID;

import app.tandem.identity.Caller;
import app.tandem.identity.IdentityApi;
import app.tandem.identity.Rights;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may change which KPIs (SPEC §1): admins all; leads those of their teams and the teams
 * below. Measurements may also come from a KPI's owner (the analyst or the pipeline's user who
 * feeds it), if they contribute.
 */
@Component
class KpiAccess {

	private final IdentityApi identity;

	KpiAccess(IdentityApi identity) {
		this.identity = identity;
	}

	void requireManage(Caller caller, UUID teamId) {
		if (!identity.rightsOf(caller).leads(teamId)) {
			throw new AccessDeniedException("Only an admin or a lead of the KPI's team may change it");
		}
	}

	/** The check for every KPI of an ingestion; answers nothing, throws for the first one refused. */
	void requireFeed(Caller caller, Iterable<KpiDefinition> kpis) {
		Rights rights = identity.rightsOf(caller);
		for (KpiDefinition kpi : kpis) {
			if (!ownsOrLeads(rights, kpi.teamId(), kpi.ownerId())) {
				throw new AccessDeniedException("Only an admin, a lead of its team or its owner may send values of "
						+ kpi.key());
			}
		}
	}

	/** Changing its definition: its owner (who answers for its target), a lead of its team, an admin. */
	void requireChange(Caller caller, KpiDefinition kpi) {
		if (!ownsOrLeads(identity.rightsOf(caller), kpi.teamId(), kpi.ownerId())) {
			throw new AccessDeniedException("Only an admin, a lead of its team or its owner may change " + kpi.key());
		}
	}

	boolean mayChange(Caller caller, UUID teamId, UUID ownerId) {
		return ownsOrLeads(identity.rightsOf(caller), teamId, ownerId);
	}

	boolean mayManage(Caller caller, UUID teamId) {
		return identity.rightsOf(caller).leads(teamId);
	}

	/** Marking it reviewed: whoever may feed it, since the owner is the one the review falls to. */
	void requireReview(Caller caller, KpiDefinition kpi) {
		if (!mayReview(caller, kpi.teamId(), kpi.ownerId())) {
			throw new AccessDeniedException("Only an admin, a lead of its team or its owner may mark "
					+ kpi.key() + " reviewed");
		}
	}

	boolean mayReview(Caller caller, UUID teamId, UUID ownerId) {
		return ownsOrLeads(identity.rightsOf(caller), teamId, ownerId);
	}

	/** Its owner (if they contribute at all: a viewer does nothing), a lead of its team, an admin. */
	private static boolean ownsOrLeads(Rights rights, UUID teamId, UUID ownerId) {
		boolean owner = rights.contributes() && rights.userId().equals(ownerId);
		return owner || rights.leads(teamId);
	}
}

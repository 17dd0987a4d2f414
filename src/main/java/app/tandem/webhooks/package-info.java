/**
 * Outgoing webhooks: a URL registered by an admin (any event) or a team's lead (their team's events) hears of the
 * events it chose, each delivery a signed JSON body sent through the outbound guard, retried with back-off for a
 * day, logged, and the webhook disabled (its owner told) when it fails for a day.
 */
package app.tandem.webhooks;

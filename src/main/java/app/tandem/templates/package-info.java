/**
 * OKR templates (issue 7): example objectives per business function and level, read from
 * {@code templates-library/okrs.yaml}, each passing the coach; browsed and searched, and adopted into a cycle
 * for a team as a draft objective (through okr's {@code Objectives}, with its rights), to be changed and then
 * published.
 */
package app.tandem.templates;
